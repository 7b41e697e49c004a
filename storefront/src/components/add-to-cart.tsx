import type { StoreOcopProduct } from "@ocop/contracts"
import { getLocale, getTranslations } from "next-intl/server"
import { AddToCartForm, type AddToCartLabels } from "./add-to-cart-form"

type Variant = Pick<StoreOcopProduct["variants"][number], "id" | "title" | "price">

/**
 * The add-to-cart form of a product page. Its texts are translated here, on the server, so the product page ships
 * no translation runtime to the browser (the JavaScript budget of the speed issue).
 */
export async function AddToCart({ variants, inStock }: { variants: Variant[]; inStock: boolean }) {
  const t = await getTranslations("cart")
  const labels: AddToCartLabels = {
    variant: t("variant"),
    quantity: t("quantity"),
    adding: t("adding"),
    add: t("add"),
    soldOut: t("soldOut"),
    added: t("added"),
  }
  return <AddToCartForm variants={variants} inStock={inStock} locale={await getLocale()} labels={labels} />
}
