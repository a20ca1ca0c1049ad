import { randomBytes } from "node:crypto";

/**
 * A caller address (sent as x-forwarded-for) that no other test in the run will
 * share. Per-IP limits (sign-in, registration, mail) count by this address, so a
 * test that locks its own address must not meet another test on it: 24 random
 * bits make a collision between the suite's few dozen addresses negligible,
 * where a random last octet (1 in 250) once did lock a QR journey's sign-up.
 */
export function uniqueAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${Math.max(1, c!)}`;
}
