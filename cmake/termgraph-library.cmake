# What every build of the library gets: termgraph itself (static, or shared
# with BUILD_SHARED_LIBS) and, in a shared build with tests, the static copy
# that the white-box tests link (CMakeLists.txt).
#
# Symbols are hidden by default: only what include/termgraph/export.hpp's
# TERMGRAPH_API marks is exported from a shared library, and the library's
# own sources see TERMGRAPH_BUILDING (export, not import, on Windows).
function(termgraph_library_settings target)
  target_compile_features(${target} PUBLIC cxx_std_17)
  set_target_properties(${target} PROPERTIES
    CXX_EXTENSIONS OFF
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_include_directories(${target}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
           $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
           $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(${target} PRIVATE TERMGRAPH_BUILDING
                                               TERMGRAPH_DOCS_URL="${TERMGRAPH_DOCS_URL}")
  # nlohmann_json is header-only (the JSON report): not in the link interface.
  target_link_libraries(${target} PRIVATE ICU::uc ICU::i18n pugixml::pugixml
                                          $<BUILD_INTERFACE:nlohmann_json::nlohmann_json>)
  # Graphviz (optional, CMakeLists.txt): src/publish/graphviz.cpp renders SVG
  # with it; its headers stay out of the public ones.
  if(TERMGRAPH_WITH_GRAPHVIZ)
    target_link_libraries(${target} PRIVATE PkgConfig::TERMGRAPH_GRAPHVIZ)
    target_compile_definitions(${target} PRIVATE TERMGRAPH_HAVE_GRAPHVIZ)
  endif()
  termgraph_set_warnings(${target})
  termgraph_set_instrumentation(${target})
endfunction()
