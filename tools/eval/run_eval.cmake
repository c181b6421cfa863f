# CI's evaluation: generate a small shoebox with a fixed seed, score shoebox on it, hold it to the floors.
file(REMOVE_RECURSE ${WORK})
execute_process(COMMAND ${SAMPLEGEN} --out ${WORK} --seed 11 --episodes 12 --others 2 --degraded-episodes 4 --batches 2
                RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
  message(FATAL_ERROR "samplegen failed: ${generated}")
endif()
execute_process(COMMAND ${EVAL} --set ${WORK} --shoebox ${SHOEBOX} --json ${WORK}/eval.json --floors ${FLOORS}
                RESULT_VARIABLE scored)
if(NOT scored EQUAL 0)
  message(FATAL_ERROR "eval: a metric fell below its floor (see above)")
endif()
