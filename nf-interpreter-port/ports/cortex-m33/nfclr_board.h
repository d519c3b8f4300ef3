/*
 * What a board adds to the runtime's app image (nfclr_main.c): its libraries' internal calls (GPIO...), its
 * clock and idle wait. Called once before clr_load, with the console and log already in cfg->hal.
 */
#ifndef NFCLR_BOARD_H
#define NFCLR_BOARD_H

struct clr_config;

void nfclr_board_setup(struct clr_config *cfg);

#endif /* NFCLR_BOARD_H */
