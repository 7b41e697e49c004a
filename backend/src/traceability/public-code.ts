import { randomInt } from "node:crypto"

// No 0/O, 1/I/L: the code is printed under the QR and may be typed by hand.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

/** The lot's public code for our short scan path (/l/{code}): 10 characters, about 49 bits, not guessable in bulk. */
export function generatePublicLotCode(): string {
  let code = ""
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}
