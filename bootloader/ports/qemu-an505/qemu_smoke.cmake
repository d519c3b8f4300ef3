# One QEMU smoke boot (cmake -P): runs an emulator image on mps2-an505 with a hard timeout and
# checks QEMU's exit code (the firmware's semihosting exit) and the UART log.
#   -DQEMU=<qemu-system-arm> -DIMAGE=<case.hex> -DEXIT_CODE=<n> -DEXPECT=<line>|<line>... [-DFORBID=<text>]
# EXPECT lines must appear in this order; FORBID must not appear at all.

foreach(var QEMU IMAGE EXIT_CODE EXPECT)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "qemu_smoke.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${IMAGE}")
  message(FATAL_ERROR "${IMAGE} is missing: ./build.sh build writes the QEMU images (tools/Build/QemuSmoke.cs)")
endif()

# stdin is an empty file (in the test's working directory) so that QEMU leaves the terminal alone and
# the UART receives nothing.
set(no_input "${CMAKE_CURRENT_BINARY_DIR}/qemu-no-input")
file(WRITE "${no_input}" "")

set(command "${QEMU}" -M mps2-an505 -nographic -semihosting-config enable=on,target=native
  -device "loader,file=${IMAGE}")
string(JOIN " " shown ${command})
message("${shown}")
execute_process(COMMAND ${command}
  INPUT_FILE "${no_input}" OUTPUT_VARIABLE log ERROR_VARIABLE errors RESULT_VARIABLE rc TIMEOUT 20)
string(REPLACE "\r" "" log "${log}")
message("${log}${errors}")

set(failures "")
if(NOT "${rc}" STREQUAL "${EXIT_CODE}")
  list(APPEND failures "QEMU ended with '${rc}', expected exit code ${EXIT_CODE}")
endif()
string(REPLACE "|" ";" expected "${EXPECT}")
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
if(NOT "${FORBID}" STREQUAL "")
  string(FIND "${log}" "${FORBID}" at)
  if(NOT at EQUAL -1)
    list(APPEND failures "must not appear: \"${FORBID}\"")
  endif()
endif()

if(failures)
  string(JOIN "\n  " text ${failures})
  message(FATAL_ERROR "QEMU smoke boot ${IMAGE} failed:\n  ${text}")
endif()
message("QEMU smoke boot passed: exit code ${rc}, ${EXPECT}")
