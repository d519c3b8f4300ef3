#include "flash_steps.h"

bool upload_erase(const struct mb_bl_env *env, const struct bl_upload *upload, uint32_t image_bytes,
                  struct flash_fault *fault)
{
    const uint32_t page = env->flash->page_size;
    uint32_t pages = (image_bytes + page - 1) / page;
    if (pages == 0)
        pages = 1; /* an unreadable header still occupies the first page */
    if (pages > upload->image_room / page)
        pages = upload->image_room / page;
    for (uint32_t i = pages; i-- > 1;) {
        if (!page_erase(env, upload->addr + i * page, fault))
            return false;
    }
    return page_erase(env, upload->trailer_page, fault) && page_erase(env, upload->addr, fault);
}
