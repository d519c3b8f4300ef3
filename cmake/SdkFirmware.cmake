# sdk_add_firmware(<target> LINKER_SCRIPT <file> SOURCES <src>... [LIBRARIES <lib>...] [NOSYS])
#
# Links <target>.elf with its map file, then writes <target>.bin and <target>.hex and prints the
# section sizes. The linker searches SDK_GENERATED_DIR, so a script may `INCLUDE partitions.ld`.
# NOSYS adds newlib's system-call stubs for a stage that uses libc functions needing them.

find_program(SDK_OBJCOPY arm-none-eabi-objcopy REQUIRED)
find_program(SDK_SIZE arm-none-eabi-size REQUIRED)

function(sdk_add_firmware target)
  cmake_parse_arguments(PARSE_ARGV 1 FW "NOSYS" "LINKER_SCRIPT" "SOURCES;LIBRARIES")
  if(FW_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "sdk_add_firmware(${target}): unknown arguments ${FW_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT FW_LINKER_SCRIPT OR NOT FW_SOURCES)
    message(FATAL_ERROR "sdk_add_firmware(${target}): LINKER_SCRIPT and SOURCES are required")
  endif()
  get_filename_component(script "${FW_LINKER_SCRIPT}" ABSOLUTE)
  if(NOT EXISTS "${script}")
    message(FATAL_ERROR "sdk_add_firmware(${target}): linker script ${script} not found")
  endif()

  set(out "${CMAKE_CURRENT_BINARY_DIR}/${target}")
  add_executable(${target} ${FW_SOURCES})
  set_target_properties(${target} PROPERTIES
    SUFFIX ".elf"
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}"
    LINK_DEPENDS "${script}")
  target_link_libraries(${target} PRIVATE ${FW_LIBRARIES})
  target_link_options(${target} PRIVATE
    "-T${script}"
    "-L${SDK_GENERATED_DIR}"
    "-Wl,-Map=${out}.map"
    "-Wl,--print-memory-usage")
  if(FW_NOSYS)
    target_link_options(${target} PRIVATE --specs=nosys.specs)
  endif()

  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${SDK_OBJCOPY} -O binary ${out}.elf ${out}.bin
    COMMAND ${SDK_OBJCOPY} -O ihex ${out}.elf ${out}.hex
    COMMAND ${SDK_SIZE} ${out}.elf
    BYPRODUCTS ${out}.bin ${out}.hex ${out}.map
    VERBATIM)
endfunction()
