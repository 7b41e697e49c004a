import { getTranslations } from "next-intl/server"
import { logOutCurator } from "@/lib/actions/curator"

export async function SignOut({ locale }: { locale: string }) {
  const t = await getTranslations("curator")
  return (
    <form action={logOutCurator} className="sign-out">
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="link-button">
        {t("logOut")}
      </button>
    </form>
  )
}
