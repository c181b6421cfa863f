# CI's evaluation: generate a shoebox with a fixed seed, score shoebox on it, hold it to the floors.
# SET selects the set: "generator" (the hand-made layouts) or "grammar" (the layout grammar's
# families, judged on the held-out ones, with everyday paperwork that is not medical among them).
file(REMOVE_RECURSE ${WORK})
if(SET STREQUAL "grammar")
  set(ARGS --seed 13 --episodes 0 --others 0 --blank-pages 0 --grammar-episodes 24 --everyday 10)
else()
  set(ARGS --seed 11 --episodes 12 --others 2 --degraded-episodes 4 --batches 2)
endif()
execute_process(COMMAND ${SAMPLEGEN} --out ${WORK} ${ARGS} RESULT_VARIABLE generated)
if(NOT generated EQUAL 0)
  message(FATAL_ERROR "samplegen failed: ${generated}")
endif()
execute_process(COMMAND ${EVAL} --set ${WORK} --shoebox ${SHOEBOX} --json ${WORK}/eval.json --floors ${FLOORS}
                RESULT_VARIABLE scored)
if(NOT scored EQUAL 0)
  message(FATAL_ERROR "eval: a metric fell below its floor (see above)")
endif()
