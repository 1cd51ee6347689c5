/** Field types every content schema shares (families and activation errors). */
import { z } from "astro/zod";

/** Text that must say something once trimmed. */
export const nonEmpty = z.string().trim().min(1, "must not be empty");
