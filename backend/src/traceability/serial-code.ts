import { randomInt } from "node:crypto"
import { SERIAL_ALPHABET, SERIAL_LENGTH } from "@ocop/domain"

/** A new per-unit serial: SERIAL_LENGTH characters drawn by the OS's CSPRNG from SERIAL_ALPHABET (≈ 64 bits). */
export function generateSerialCode(): string {
  let code = ""
  for (let i = 0; i < SERIAL_LENGTH; i++) code += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)]
  return code
}
