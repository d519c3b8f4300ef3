#include "flash_span.h"
#include "flash_steps.h"

static void feed(const struct mb_bl_env *env)
{
    if (env->feed_watchdog != NULL)
        env->feed_watchdog(env->ctx);
}

bool page_erase(const struct mb_bl_env *env, uint32_t addr, struct flash_fault *fault)
{
    const struct flash_dev *flash = env->flash;
    bool erased = false;
    feed(env);
    int err = flash_span_erased(flash, addr, flash->page_size, &erased);
    if (err == FLASH_OK && erased)
        return true;
    if (err == FLASH_OK)
        err = flash_erase(flash, addr, flash->page_size);
    if (err == FLASH_OK)
        return true;
    *fault = (struct flash_fault){"erasing", addr, err};
    return false;
}
