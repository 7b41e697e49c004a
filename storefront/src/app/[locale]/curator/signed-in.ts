import { redirect } from "next/navigation"
import { CuratorNotSignedIn } from "@/lib/data/curator"

/** Runs a console read; without a valid curator session the curator goes to the sign-in page. */
export async function signedIn<T>(locale: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (error) {
    if (error instanceof CuratorNotSignedIn) redirect(`/${locale}/curator/login`)
    throw error
  }
}
