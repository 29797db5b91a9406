# Run at build time (cmake -P): writes `PROGRAM --generate KIND` to OUTPUT,
# through OUTPUT.tmp so that a failure leaves no partial file.
foreach(var PROGRAM KIND OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} not set")
  endif()
endforeach()
get_filename_component(dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${dir})
execute_process(COMMAND ${PROGRAM} --generate ${KIND}
                OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "${PROGRAM} --generate ${KIND}: exit ${rc}\n${err}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
