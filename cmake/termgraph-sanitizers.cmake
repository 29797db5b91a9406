# Sanitizer and coverage builds (the asan, tsan and coverage presets).
#
# TERMGRAPH_SANITIZE: a comma-separated list for -fsanitize=, e.g.
#   "address,undefined" or "thread"; empty for none.
# TERMGRAPH_COVERAGE: gcc/gcov line coverage (--coverage). The optimisation
#   level is the build type's: -O0 in the coverage preset (Debug), so that
#   every source line maps to code; -O1 in the asan preset, whose sanitized
#   run of the suite CI also reads the coverage of.
#
# The compile options apply to every target of this project (library, tool,
# tests, examples). The link options are also a usage requirement of the
# library, exported with it: an instrumented static library needs the
# sanitizer (or gcov) runtime in whatever links it, including the packaging
# tests' consumer projects.
set(TERMGRAPH_SANITIZE "" CACHE STRING
    "Sanitizers to build with, as for -fsanitize= (e.g. address,undefined or thread)")
option(TERMGRAPH_COVERAGE "Build with gcov line coverage (--coverage)" OFF)

set(TERMGRAPH_INSTRUMENT_LINK_OPTIONS "")

if(TERMGRAPH_SANITIZE)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    message(FATAL_ERROR "TERMGRAPH_SANITIZE needs GCC or Clang")
  endif()
  if(TERMGRAPH_SANITIZE MATCHES "thread" AND TERMGRAPH_SANITIZE MATCHES "address")
    message(FATAL_ERROR "ThreadSanitizer cannot be combined with AddressSanitizer")
  endif()
  # Any finding stops the program (no recovery), with usable stack traces.
  add_compile_options(-fsanitize=${TERMGRAPH_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  list(APPEND TERMGRAPH_INSTRUMENT_LINK_OPTIONS -fsanitize=${TERMGRAPH_SANITIZE})
  # Tests with the largest generated inputs (tests/test_hostile.cpp) scale
  # them down in instrumented builds.
  add_compile_definitions(TERMGRAPH_SANITIZED)
  message(STATUS "termgraph: building with -fsanitize=${TERMGRAPH_SANITIZE}")
endif()

if(TERMGRAPH_COVERAGE)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "TERMGRAPH_COVERAGE needs GCC (gcov)")
  endif()
  # Atomic counters: the threads tests run the library on 8 threads at once,
  # and racing increments corrupt the counts (gcov then prints negative
  # ones, which gcovr rejects).
  add_compile_options(--coverage -fprofile-update=atomic)
  list(APPEND TERMGRAPH_INSTRUMENT_LINK_OPTIONS --coverage)
  add_compile_definitions(TERMGRAPH_SANITIZED)
  message(STATUS "termgraph: building with gcov coverage")
endif()

add_link_options(${TERMGRAPH_INSTRUMENT_LINK_OPTIONS})

# Called on the library target once it exists.
function(termgraph_set_instrumentation target)
  if(TERMGRAPH_INSTRUMENT_LINK_OPTIONS)
    target_link_options(${target} INTERFACE ${TERMGRAPH_INSTRUMENT_LINK_OPTIONS})
  endif()
endfunction()
