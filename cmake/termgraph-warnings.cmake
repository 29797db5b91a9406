# Warnings for termgraph's own targets: -Wall -Wextra -Wpedantic, and errors
# when TERMGRAPH_WARNINGS_AS_ERRORS is on (CI turns it on).
function(termgraph_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
    if(TERMGRAPH_WARNINGS_AS_ERRORS)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
