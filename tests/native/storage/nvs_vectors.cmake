# nvs_vectors_generate(<json> <out.c>): turns the reference expected.json into a C table
# (see nvs_vectors.h), so the tests compare against the published values, never a hand copy.
function(nvs_vectors_generate json_path out_path)
  file(READ "${json_path}" json)
  string(JSON images GET "${json}" images)
  string(JSON image_count LENGTH "${images}")
  math(EXPR last "${image_count} - 1")

  set(tables "")
  set(rows "")
  foreach(i RANGE ${last})
    string(JSON name MEMBER "${images}" ${i})
    string(JSON image GET "${images}" "${name}")
    string(JSON data_crc GET "${image}" config CONFIG_NVS_DATA_CRC)
    string(JSON ate_wra GET "${image}" after_mount ate_wra)
    string(JSON data_wra GET "${image}" after_mount data_wra)
    string(JSON free_space GET "${image}" after_mount nvs_calc_free_space)

    string(JSON values GET "${image}" values_hex)
    string(JSON value_count LENGTH "${values}")
    set(value_rows "")
    if(value_count GREATER 0)
      math(EXPR value_last "${value_count} - 1")
      foreach(v RANGE ${value_last})
        string(JSON id MEMBER "${values}" ${v})
        string(JSON hex GET "${values}" "${id}")
        string(APPEND value_rows "    {${id}, \"${hex}\"},\n")
      endforeach()
    endif()
    string(APPEND tables "static const struct nvs_vector_value values_${i}[] = {\n${value_rows}};\n")

    foreach(list deleted_ids never_committed_ids)
      string(JSON ids GET "${image}" ${list})
      string(JSON id_count LENGTH "${ids}")
      set(id_list "")
      if(id_count GREATER 0)
        math(EXPR id_last "${id_count} - 1")
        foreach(k RANGE ${id_last})
          string(JSON id GET "${ids}" ${k})
          string(APPEND id_list "${id}, ")
        endforeach()
      endif()
      set(${list}_count ${id_count})
      # A zero-length array is not C11: pad with an unused element.
      string(APPEND tables "static const uint16_t ${list}_${i}[] = {${id_list}0};\n")
    endforeach()

    if(data_crc)
      set(flag "true")
    else()
      set(flag "false")
    endif()
    string(APPEND rows "    {\"${name}\", ${flag}, ${ate_wra}, ${data_wra}, ${free_space},\n"
                       "     values_${i}, ${value_count}, deleted_ids_${i}, ${deleted_ids_count},\n"
                       "     never_committed_ids_${i}, ${never_committed_ids_count}},\n")
  endforeach()

  file(WRITE "${out_path}.tmp"
    "/* Generated from ${json_path} by nvs_vectors.cmake: do not edit. */\n"
    "#include \"nvs_vectors.h\"\n\n${tables}\n"
    "const struct nvs_vector nvs_vectors[] = {\n${rows}};\n"
    "const size_t nvs_vector_count = ${image_count};\n")
  file(COPY_FILE "${out_path}.tmp" "${out_path}" ONLY_IF_DIFFERENT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${json_path}")
endfunction()
