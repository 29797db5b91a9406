# Install rules, the exported target and the package config files, so that
# consumers can find_package(termgraph) and link termgraph::termgraph.
include(CMakePackageConfigHelpers)

set(TERMGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/termgraph)

install(TARGETS termgraph EXPORT termgraph-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/termgraph DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/include/termgraph/version.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/termgraph)
install(EXPORT termgraph-targets NAMESPACE termgraph:: DESTINATION ${TERMGRAPH_CMAKE_DIR})

configure_package_config_file(cmake/termgraph-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/termgraph-config.cmake
  INSTALL_DESTINATION ${TERMGRAPH_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/termgraph-config-version.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/termgraph-config.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/termgraph-config-version.cmake
        DESTINATION ${TERMGRAPH_CMAKE_DIR})

# Build-tree export: find_package(termgraph) works against a build directory.
export(EXPORT termgraph-targets NAMESPACE termgraph::
       FILE ${CMAKE_CURRENT_BINARY_DIR}/termgraph-targets.cmake)

# The sample vocabulary and its schema.
install(DIRECTORY terms/ DESTINATION ${TERMGRAPH_DATA_DIR}/terms)
