# Included by both consumer projects (find-package-test and
# add-subdirectory-test) once termgraph::termgraph exists and testing is
# enabled:
# - with EXPECT_SHARED given (ON or OFF), termgraph must be a shared (a
#   static) library, so that each kind is really the one tested;
# - a C++20 program (cxx20_consumer.cpp) uses Span as a range, std::span
#   and std::ranges algorithms.
set(EXPECT_SHARED "" CACHE STRING "ON: termgraph must be shared; OFF: static; empty: either")
if(NOT EXPECT_SHARED STREQUAL "")
  get_target_property(type termgraph::termgraph TYPE)
  if(EXPECT_SHARED)
    set(expected_type SHARED_LIBRARY)
  else()
    set(expected_type STATIC_LIBRARY)
  endif()
  if(NOT type STREQUAL expected_type)
    message(FATAL_ERROR "termgraph is a ${type}, expected a ${expected_type}")
  endif()
endif()

if("cxx_std_20" IN_LIST CMAKE_CXX_COMPILE_FEATURES)
  add_executable(consumer_cxx20 ${CMAKE_CURRENT_LIST_DIR}/cxx20_consumer.cpp)
  target_compile_features(consumer_cxx20 PRIVATE cxx_std_20)
  set_target_properties(consumer_cxx20 PROPERTIES CXX_EXTENSIONS OFF)
  target_link_libraries(consumer_cxx20 PRIVATE termgraph::termgraph)
  add_test(NAME consumer_cxx20 COMMAND consumer_cxx20)
endif()
