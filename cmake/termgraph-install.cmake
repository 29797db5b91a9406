# Install rules, the exported target and the package config files, so that
# consumers can find_package(termgraph) and link termgraph::termgraph.
include(CMakePackageConfigHelpers)

set(TERMGRAPH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/termgraph)

install(TARGETS termgraph EXPORT termgraph-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
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

# pkg-config: `pkg-config --cflags --libs termgraph`. A static library needs
# ICU and pugixml too when linked (`pkg-config --static`); a shared one
# carries them. The file is relocatable (${pcfiledir}), so that an install
# with `cmake --install --prefix` elsewhere works as well.
set(TERMGRAPH_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${TERMGRAPH_PC_DIR}")
  set(TERMGRAPH_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH pc_to_prefix /prefix/${TERMGRAPH_PC_DIR} /prefix)
  string(REGEX REPLACE "/$" "" pc_to_prefix "${pc_to_prefix}")
  set(TERMGRAPH_PC_PREFIX "\${pcfiledir}/${pc_to_prefix}")
endif()
foreach(kind LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${kind}}")
    set(TERMGRAPH_PC_${kind} "${CMAKE_INSTALL_${kind}}")
  else()
    set(TERMGRAPH_PC_${kind} "\${prefix}/${CMAKE_INSTALL_${kind}}")
  endif()
endforeach()
if(TERMGRAPH_LIBRARY_TYPE STREQUAL "SHARED_LIBRARY")
  set(TERMGRAPH_PC_REQUIRES_PRIVATE "")
  set(TERMGRAPH_PC_CFLAGS " -DTERMGRAPH_SHARED")
else()
  set(TERMGRAPH_PC_REQUIRES_PRIVATE "Requires.private: icu-uc icu-i18n pugixml")
  if(TERMGRAPH_WITH_GRAPHVIZ)
    string(APPEND TERMGRAPH_PC_REQUIRES_PRIVATE " libgvc libcgraph")
  endif()
  set(TERMGRAPH_PC_CFLAGS "")
endif()
# A library built with sanitizers or coverage needs their runtime in
# whatever links it, as the exported target says (termgraph-sanitizers.cmake).
list(JOIN TERMGRAPH_INSTRUMENT_LINK_OPTIONS " " TERMGRAPH_PC_LIBS_EXTRA)
if(TERMGRAPH_PC_LIBS_EXTRA)
  set(TERMGRAPH_PC_LIBS_EXTRA " ${TERMGRAPH_PC_LIBS_EXTRA}")
endif()
configure_file(cmake/termgraph.pc.in ${CMAKE_CURRENT_BINARY_DIR}/termgraph.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/termgraph.pc DESTINATION ${TERMGRAPH_PC_DIR})

# The sample vocabulary and its schema.
install(DIRECTORY terms/ DESTINATION ${TERMGRAPH_DATA_DIR}/terms)

# The user documentation: the SARIF report's rule help links point here
# unless TERMGRAPH_DOCS_URL names a published copy.
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md")
