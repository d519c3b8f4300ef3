# One QEMU smoke boot (cmake -P): boots a copy of a case's flash file on mps2-an505 (the emulated DK: the
# reset stub in front, the file as the PSRAM behind it) with a hard timeout and checks QEMU's exit code (the
# firmware's semihosting exit) and the UART log.
#   -DQEMU=<qemu-system-arm> -DSTUB=<an505_reset_stub.elf> -DIMAGE=<case.flash> -DEXIT_CODE=<n>
#   -DEXPECT=<line>|<line>... [-DFORBID=<text>] [-DRESTART_EXPECT=<line>|...]
# EXPECT lines must appear in this order; FORBID must not appear at all. With RESTART_EXPECT, QEMU is started a
# second time on the same file (a power cycle: the flash keeps what the first run wrote) and must log those.
# EXIT_CODE "running": the firmware serves on (an app with an SMP server); QEMU is stopped after 8 s.

foreach(var QEMU STUB IMAGE EXIT_CODE EXPECT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "qemu_smoke.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${IMAGE}")
  message(FATAL_ERROR "${IMAGE} is missing: ./build.sh build writes the QEMU flash files (tools/Build/QemuSmoke.cs)")
endif()
get_filename_component(case "${IMAGE}" NAME_WE)
set(flash "${CMAKE_CURRENT_BINARY_DIR}/qemu-${case}.flash")
file(COPY_FILE "${IMAGE}" "${flash}")

# stdin is an empty file (in the test's working directory) so that QEMU leaves the terminal alone and
# the UART receives nothing.
set(no_input "${CMAKE_CURRENT_BINARY_DIR}/qemu-no-input")
file(WRITE "${no_input}" "")

set(command "${QEMU}" -M mps2-an505 -nographic -semihosting-config enable=on,target=native
  -object "memory-backend-file,id=dkflash,size=16M,mem-path=${flash},share=on" -machine memory-backend=dkflash
  -device "loader,file=${STUB}")
string(JOIN " " shown ${command})

set(failures "")
# boot(<expected lines> <forbidden text> <exit code>): one QEMU run on the flash file, checked.
function(boot expect forbid exit_code)
  message("${shown}")
  set(timeout 20)
  if(exit_code STREQUAL "running")
    set(timeout 8)
    set(exit_code "Process terminated due to timeout")
  endif()
  execute_process(COMMAND ${command}
    INPUT_FILE "${no_input}" OUTPUT_VARIABLE log ERROR_VARIABLE errors RESULT_VARIABLE rc TIMEOUT ${timeout})
  string(REPLACE "\r" "" log "${log}")
  message("${log}${errors}")
  if(NOT "${rc}" STREQUAL "${exit_code}")
    list(APPEND failures "QEMU ended with '${rc}', expected exit code ${exit_code}")
  endif()
  string(REPLACE "|" ";" expected "${expect}")
  set(rest "${log}")
  foreach(line IN LISTS expected)
    string(FIND "${rest}" "${line}" at)
    if(at EQUAL -1)
      list(APPEND failures "missing (in this order): \"${line}\"")
    else()
      string(LENGTH "${line}" length)
      math(EXPR at "${at} + ${length}")
      string(SUBSTRING "${rest}" ${at} -1 rest)
    endif()
  endforeach()
  if(NOT "${forbid}" STREQUAL "")
    string(FIND "${log}" "${forbid}" at)
    if(NOT at EQUAL -1)
      list(APPEND failures "must not appear: \"${forbid}\"")
    endif()
  endif()
  set(failures "${failures}" PARENT_SCOPE)
endfunction()

boot("${EXPECT}" "${FORBID}" "${EXIT_CODE}")
if(DEFINED RESTART_EXPECT AND NOT "${RESTART_EXPECT}" STREQUAL "")
  message("-- QEMU restarted on the same flash file:")
  boot("${RESTART_EXPECT}" "" 0)
endif()

if(failures)
  string(JOIN "\n  " text ${failures})
  message(FATAL_ERROR "QEMU smoke boot ${IMAGE} failed:\n  ${text}")
endif()
message("QEMU smoke boot passed: ${EXPECT}")
