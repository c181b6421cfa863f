# The Debian package: built with CPack from the build tree, unpacked into a clean prefix, it declares
# the libraries and Tesseract models it needs, and the program in it runs and scans a sample.
#   cmake -DBUILD=<build dir> -DWORK=<scratch dir> -DVERSION=<project version> -DSAMPLE=<a sample PDF>
#         -P tests/package_test.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(COMMAND cpack -G DEB -B ${WORK} --config ${BUILD}/CPackConfig.cmake
                RESULT_VARIABLE packed OUTPUT_QUIET)
file(GLOB deb ${WORK}/shoebox_*.deb)
if(NOT packed EQUAL 0 OR NOT deb)
  message(FATAL_ERROR "cpack made no package (${packed})")
endif()
execute_process(COMMAND dpkg-deb -f ${deb} Depends OUTPUT_VARIABLE depends)
foreach(needed libtesseract5 liblept5 libpoppler-cpp libsqlite3-0 libheif1 tesseract-ocr-eng tesseract-ocr-osd)
  if(NOT depends MATCHES "${needed}")
    message(FATAL_ERROR "the package does not depend on ${needed}: ${depends}")
  endif()
endforeach()
execute_process(COMMAND dpkg-deb -x ${deb} ${WORK}/root)
foreach(file usr/bin/shoebox usr/share/man/man1/shoebox.1 usr/share/bash-completion/completions/shoebox)
  if(NOT EXISTS ${WORK}/root/${file})
    message(FATAL_ERROR "the package holds no ${file}")
  endif()
endforeach()
execute_process(COMMAND ${WORK}/root/usr/bin/shoebox --version OUTPUT_VARIABLE version)
if(NOT version STREQUAL "shoebox ${VERSION}\n")
  message(FATAL_ERROR "the packaged program says '${version}'")
endif()
execute_process(COMMAND ${WORK}/root/usr/bin/shoebox --db ${WORK}/t.db scan ${SAMPLE} --no-progress
                RESULT_VARIABLE scanned OUTPUT_VARIABLE said ERROR_VARIABLE said)
if(NOT scanned EQUAL 0 OR NOT said MATCHES "scanned 1 file")
  message(FATAL_ERROR "the packaged program could not scan ${SAMPLE} (${scanned}): ${said}")
endif()
