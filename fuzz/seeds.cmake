# Builds the seed corpora in OUT/<harness>/ from the repository's sample
# files (terms/, tests/data/), the small hand-written seeds in fuzz/seeds/
# (reference texts, CSV files)
# and, when SHARED_CORPUS exists, the shared real-world samples. Run with
# cmake -P (the fuzz_seeds target does); the source tree is only read.

file(REMOVE_RECURSE ${OUT})
foreach(h native sts tbx tbx2008 csv detect references pipeline chunked)
  file(MAKE_DIRECTORY ${OUT}/${h})
endforeach()

file(GLOB_RECURSE candidates
     ${SOURCE_DIR}/terms/*.xml
     ${SOURCE_DIR}/tests/data/*.xml ${SOURCE_DIR}/tests/data/*.tbx)
if(SHARED_CORPUS AND IS_DIRECTORY ${SHARED_CORPUS})
  file(GLOB_RECURSE shared ${SHARED_CORPUS}/*.xml ${SHARED_CORPUS}/*.tbx
       ${SHARED_CORPUS}/*.xcs)
  list(APPEND candidates ${shared})
endif()

set(count 0)
foreach(f IN LISTS candidates)
  file(SIZE ${f} size)
  # Large files slow every iteration down; libFuzzer caps inputs anyway.
  if(size GREATER 200000)
    continue()
  endif()
  file(READ ${f} head LIMIT 4000)
  set(targets detect pipeline chunked)
  if(head MATCHES "<martif")
    list(APPEND targets tbx2008)
  elseif(head MATCHES "<tbx[ >\n]")
    list(APPEND targets tbx)
  elseif(head MATCHES "urn:termgraph:vocabulary")
    list(APPEND targets native)
  elseif(head MATCHES "term-sec|tbx:termEntry|<standard|<sts")
    list(APPEND targets sts)
  endif()
  # Each file under a name made of its path, so files with the same base
  # name from different directories stay apart.
  file(RELATIVE_PATH rel ${SOURCE_DIR} ${f})
  if(rel MATCHES "^\\.\\.")
    get_filename_component(base ${f} NAME)
    set(rel "shared-${base}")
  endif()
  string(REGEX REPLACE "[/\\\\]" "_" name "${rel}")
  foreach(t IN LISTS targets ITEMS references)
    configure_file(${f} ${OUT}/${t}/${name} COPYONLY)
  endforeach()
  math(EXPR count "${count} + 1")
endforeach()

file(GLOB refs ${SOURCE_DIR}/fuzz/seeds/references/*)
foreach(f IN LISTS refs)
  get_filename_component(base ${f} NAME)
  configure_file(${f} ${OUT}/references/${base} COPYONLY)
endforeach()
# CSV: the hand-written exports (quoting traps, other column names, broken
# rows) for the CSV reader, detection and the pipeline.
file(GLOB csv_seeds ${SOURCE_DIR}/fuzz/seeds/csv/*.csv)
foreach(f IN LISTS csv_seeds)
  get_filename_component(base ${f} NAME)
  foreach(t csv detect pipeline)
    configure_file(${f} ${OUT}/${t}/csv_${base} COPYONLY)
  endforeach()
endforeach()
message(STATUS "fuzz seeds: ${count} sample files in ${OUT}")
