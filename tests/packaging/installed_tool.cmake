# Run by ctest (cmake -P): copies the installed termgraph program (and, when
# shared, its library) into RELOCATED/BINDIR (LIBDIR), puts a one-entry
# vocabulary into RELOCATED/DATADIR/terms, and checks that `termgraph
# lookup` (without --vocab or TERMGRAPH_VOCAB) answers from it. Then checks
# that the installed copy of the bundled vocabulary loads without errors, and
# that the completion scripts and the manual page are installed where bash,
# zsh and man look for them, as the program generates them.
foreach(var PREFIX RELOCATED BINDIR DATADIR SHAREDIR MANDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} not set")
  endif()
endforeach()

set(program ${PREFIX}/${BINDIR}/termgraph)
if(NOT EXISTS ${program})
  message(FATAL_ERROR "${program} was not installed")
endif()

file(REMOVE_RECURSE ${RELOCATED})
file(COPY ${program} DESTINATION ${RELOCATED}/${BINDIR})
# A shared build's program finds the library beside it ($ORIGIN/../lib).
if(DEFINED LIBDIR)
  file(GLOB shared_libraries ${PREFIX}/${LIBDIR}/libtermgraph.so*)
  if(shared_libraries)
    file(COPY ${shared_libraries} DESTINATION ${RELOCATED}/${LIBDIR})
  endif()
endif()
file(WRITE ${RELOCATED}/${DATADIR}/terms/probe.xml [[<?xml version="1.0" encoding="UTF-8"?>
<vocabulary xmlns="urn:termgraph:vocabulary:1" xml:lang="en">
  <entry number="9.1">
    <term>packaging probe</term>
    <definition>entry found only in the relocated vocabulary</definition>
  </entry>
</vocabulary>
]])

execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=TERMGRAPH_VOCAB
                        ${RELOCATED}/${BINDIR}/termgraph lookup "packaging probe"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "9.1\npackaging probe\nentry found only in the relocated vocabulary\n")
  message(FATAL_ERROR "relocated lookup: exit ${rc}\nstdout: ${out}\nstderr: ${err}")
endif()

execute_process(COMMAND ${program} check --format json ${PREFIX}/${DATADIR}/terms
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "\"errors\": 0")
  message(FATAL_ERROR "installed vocabulary: exit ${rc}\n${out}\n${err}")
endif()
string(JSON entries GET "${out}" entries)
if(entries LESS 50)
  message(FATAL_ERROR "installed vocabulary has ${entries} entries")
endif()
foreach(kind_path
    bash:${SHAREDIR}/bash-completion/completions/termgraph
    zsh:${SHAREDIR}/zsh/site-functions/_termgraph
    man:${MANDIR}/man1/termgraph.1)
  string(REPLACE ":" ";" kind_path ${kind_path})
  list(GET kind_path 0 kind)
  list(GET kind_path 1 path)
  if(NOT EXISTS ${PREFIX}/${path})
    message(FATAL_ERROR "${PREFIX}/${path} was not installed")
  endif()
  file(READ ${PREFIX}/${path} installed)
  execute_process(COMMAND ${program} --generate ${kind} RESULT_VARIABLE rc OUTPUT_VARIABLE generated)
  if(NOT rc EQUAL 0 OR NOT installed STREQUAL generated)
    message(FATAL_ERROR "${PREFIX}/${path} is not what `termgraph --generate ${kind}` writes")
  endif()
endforeach()

message(STATUS "installed tool ok: relocated lookup, ${entries} bundled entries")
