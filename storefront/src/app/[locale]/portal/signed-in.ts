import { redirect } from "next/navigation"
import { NotSignedIn } from "@/lib/data/producer"

/** Runs a portal read; without a valid producer session the producer goes to the login page. */
export async function signedIn<T>(locale: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof NotSignedIn) redirect(`/${locale}/portal/login`)
    throw error
  }
}
