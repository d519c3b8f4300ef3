/*
 * The few ARMv8-M system registers the AN505 port touches (addresses from the ARMv8-M
 * architecture, as CMSIS core_cm33.h names them). Same on the nRF5340's M33.
 */
#ifndef CM33_REGS_H
#define CM33_REGS_H

#include <stdint.h>

#define CM33_REG(addr) (*(volatile uint32_t *)(addr))

#define ICTR CM33_REG(0xE000E004u)          /* INTLINESNUM: (n + 1) * 32 interrupt lines */
#define SYST_CSR CM33_REG(0xE000E010u)      /* SysTick control */
#define NVIC_ICER(i) CM33_REG(0xE000E180u + 4u * (i))
#define NVIC_ICPR(i) CM33_REG(0xE000E280u + 4u * (i))
#define SCB_ICSR CM33_REG(0xE000ED04u)
#define SCB_VTOR CM33_REG(0xE000ED08u)
#define SCB_AIRCR CM33_REG(0xE000ED0Cu)
#define SCB_SHCSR CM33_REG(0xE000ED24u)
#define SCB_CFSR CM33_REG(0xE000ED28u)
#define SCB_HFSR CM33_REG(0xE000ED2Cu)
#define SCB_BFAR CM33_REG(0xE000ED38u)
#define SCB_CPACR CM33_REG(0xE000ED88u)
#define SAU_SFSR CM33_REG(0xE000EDE4u)

#define ICSR_PENDSTCLR (1u << 25)
#define SHCSR_FAULT_ENABLES (7u << 16) /* MEMFAULTENA, BUSFAULTENA, USGFAULTENA */
#define AIRCR_SYSRESETREQ (0x05FAu << 16 | 1u << 2)

#endif /* CM33_REGS_H */
