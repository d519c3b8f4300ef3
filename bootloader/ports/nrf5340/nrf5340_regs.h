/*
 * nRF5340 app-core addresses and register fields this port uses, Secure aliases (the port runs Secure).
 * Facts from the nRF5340 Product Specification as the MDK states them (nrf5340_application.h and
 * _bitfields.h); see ../shared/reference/nrf5340-silicon.md §1. Flash, UICR OTP and RAM sizes come from
 * the generated board_partitions.h, never from here.
 */
#ifndef NRF5340_REGS_H
#define NRF5340_REGS_H

/* --- Peripheral bases (Secure alias 0x5xxx_xxxx) --- */
#define NRF_CACHE 0x50001000u
#define NRF_SPU 0x50003000u
#define NRF_CLOCK 0x50005000u /* CLOCK, POWER and RESET share this block */
#define NRF_RESET NRF_CLOCK
#define NRF_UARTE0 0x50008000u
#define NRF_RTC1 0x50015000u
#define NRF_WDT0 0x50018000u
#define NRF_NVMC 0x50039000u
#define NRF_P0 0x50842500u
#define NRF_P1 0x50842800u
#define NRF_CRYPTOCELL 0x50844000u

/* --- NVMC --- */
#define NVMC_READY 0x400u
#define NVMC_READYNEXT 0x408u
#define NVMC_CONFIG 0x504u   /* secure regions */
#define NVMC_CONFIGNS 0x584u /* non-secure regions: secure code sets both, as nrfx does */
#define NVMC_CONFIG_REN 0u
#define NVMC_CONFIG_WEN 1u
#define NVMC_CONFIG_EEN 2u

/* --- SPU --- */
#define SPU_EVENTS_FLASHACCERR 0x104u
#define SPU_EXTDOMAIN_PERM(n) (0x440u + 4u * (n))
#define SPU_FLASHREGION_PERM(n) (0x600u + 4u * (n))
#define SPU_PERM_EXECUTE (1u << 0)
#define SPU_PERM_WRITE (1u << 1)
#define SPU_PERM_READ (1u << 2)
#define SPU_PERM_SECATTR (1u << 4)
#define SPU_PERM_LOCK (1u << 8) /* "can't be changed until the next reset" */

/* --- CLOCK / RESET --- */
#define CLOCK_TASKS_HFCLKSTART 0x000u
#define CLOCK_TASKS_LFCLKSTART 0x008u
#define CLOCK_EVENTS_HFCLKSTARTED 0x100u
#define CLOCK_EVENTS_LFCLKSTARTED 0x104u
#define CLOCK_INTENCLR 0x308u
#define CLOCK_HFCLKSRC 0x514u
#define CLOCK_LFCLKSRC 0x518u
#define CLOCK_HFCLKCTRL 0x558u
#define CLOCK_HFCLKSRC_HFXO 1u
#define CLOCK_LFCLKSRC_LFXO 2u
#define CLOCK_HFCLKCTRL_DIV2 1u /* 64 MHz: erratum 42, as the MDK's SystemInit sets it */
#define RESET_RESETREAS 0x400u   /* write 1s to clear */
#define RESET_NETWORK_FORCEOFF 0x614u
#define RESET_ERRATA161 0x618u /* the undocumented word nrfx writes for erratum 161 */
#define FORCEOFF_RELEASE 0u
#define FORCEOFF_HOLD 1u

/* --- CACHE --- */
#define CACHE_ENABLE 0x500u

/* --- UARTE --- */
#define UARTE_TASKS_STARTRX 0x000u
#define UARTE_TASKS_STOPRX 0x004u
#define UARTE_TASKS_STARTTX 0x008u
#define UARTE_TASKS_STOPTX 0x00Cu
#define UARTE_TASKS_FLUSHRX 0x02Cu
#define UARTE_EVENTS_RXDRDY 0x108u
#define UARTE_EVENTS_ENDRX 0x110u
#define UARTE_EVENTS_ENDTX 0x120u
#define UARTE_EVENTS_ERROR 0x124u
#define UARTE_EVENTS_RXTO 0x144u
#define UARTE_EVENTS_TXSTOPPED 0x158u
#define UARTE_ERRORSRC 0x480u
#define UARTE_ENABLE 0x500u
#define UARTE_PSEL_RTS 0x508u
#define UARTE_PSEL_TXD 0x50Cu
#define UARTE_PSEL_CTS 0x510u
#define UARTE_PSEL_RXD 0x514u
#define UARTE_BAUDRATE 0x524u
#define UARTE_RXD_PTR 0x534u
#define UARTE_RXD_MAXCNT 0x538u
#define UARTE_RXD_AMOUNT 0x53Cu
#define UARTE_TXD_PTR 0x544u
#define UARTE_TXD_MAXCNT 0x548u
#define UARTE_TXD_AMOUNT 0x54Cu
#define UARTE_CONFIG 0x56Cu
#define UARTE_ENABLE_ON 8u
#define UARTE_BAUD_115200 0x01D60000u
#define UARTE_CONFIG_HWFC 1u
#define PSEL_DISCONNECTED (1u << 31)
#define PSEL_PIN(port, pin) ((uint32_t)(port) << 5 | (uint32_t)(pin))

/* --- GPIO (P0) --- */
#define GPIO_OUT 0x004u
#define GPIO_OUTSET 0x008u
#define GPIO_OUTCLR 0x00Cu
#define GPIO_IN 0x010u
#define GPIO_DIRSET 0x018u
#define GPIO_DIRCLR 0x01Cu
#define GPIO_PIN_CNF(n) (0x200u + 4u * (n))
#define PIN_CNF_DIR_OUTPUT (1u << 0)
#define PIN_CNF_INPUT_DISCONNECT (1u << 1)
#define PIN_CNF_PULL_DOWN (1u << 2)
#define PIN_CNF_PULL_UP (3u << 2)
#define PIN_CNF_MCUSEL_PERIPHERAL (3u << 28)

/* --- RTC --- */
#define RTC_TASKS_START 0x000u
#define RTC_TASKS_STOP 0x004u
#define RTC_TASKS_CLEAR 0x008u
#define RTC_EVENTS_OVRFLW 0x104u
#define RTC_EVTENSET 0x344u
#define RTC_COUNTER 0x504u /* 24 bits */
#define RTC_PRESCALER 0x508u
#define RTC_COUNTER_MASK 0x00FFFFFFu

/* --- WDT (PS WDT chapter: same register map as the nRF52/nRF91 WDT) --- */
#define WDT_TASKS_START 0x000u
#define WDT_RUNSTATUS 0x400u
#define WDT_CRV 0x504u    /* timeout = (CRV + 1) / 32768 s */
#define WDT_RREN 0x508u
#define WDT_CONFIG 0x50Cu /* bit0 SLEEP: keep running while the CPU sleeps; bit3 HALT: pause while halted by a debugger */
#define WDT_RR(n) (0x600u + 4u * (n))
#define WDT_RELOAD 0x6E524635u
#define WDT_CONFIG_RUN_IN_SLEEP 1u

/* --- CRYPTOCELL --- */
#define CRYPTOCELL_ENABLE 0x500u

#endif /* NRF5340_REGS_H */
