import { notFound, redirect } from "next/navigation"
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

/**
 * Another province's certificate, product or list answers 404 from the backend (the curator's scope is applied
 * there): the console shows the shop's not-found page rather than an error.
 */
export async function readOrNotFound<T>(read: () => Promise<T>) {
  try {
    return await read()
  } catch (error) {
    if ((error as { status?: number }).status === 404) notFound()
    throw error
  }
}
