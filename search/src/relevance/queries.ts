/**
 * The relevance suite: what buyers type, and the products that must come back in the top 3. The catalogue is
 * every product of the sample certification lists (seed/samples), published. Only products listed without a
 * decision date (unknown validity) are expected: a dated certificate lapses 36 months after its decision and its
 * listing leaves search (issue 14), so expecting one would tie the figure to the day the suite runs
 * (queries.test.ts checks it).
 * Kinds: exact (with diacritics), plain (no diacritics), typo (one typo in a word of 5+ letters, the rule the
 * search applies), old-province
 * (a pre-2025 province name), producer, group (a kind of product), synonym.
 */
export type RelevanceQuery = {
  q: string
  kind: "exact" | "plain" | "typo" | "old-province" | "producer" | "group" | "synonym"
  /** titles that must all be in the top 3 (or all of the top 3 must be among them when there are more) */
  expect: string[]
}

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  { q: "Chè đinh", kind: "exact", expect: ["Chè đinh"] },
  { q: "Hồng trà", kind: "exact", expect: ["Hồng trà"] },
  { q: "Gạo hữu cơ An Lỗ", kind: "exact", expect: ["Gạo hữu cơ An Lỗ"] },
  { q: "Giò bê Lâm Ngọc", kind: "exact", expect: ["Giò bê Lâm Ngọc"] },
  { q: "Rượu sim Qúy Chuẩn", kind: "exact", expect: ["Rượu sim Qúy Chuẩn"] },
  { q: "Đường hoa dừa", kind: "exact", expect: ["Đường hoa dừa"] },
  { q: "Măng nứa khô", kind: "exact", expect: ["Măng nứa khô nấu ngay"] },
  { q: "Bưởi cốm Hương Thọ", kind: "exact", expect: ["Bưởi cốm Hương Thọ"] },
  { q: "Củ cải muối Chịt Sa", kind: "exact", expect: ["Củ cải muối Chịt Sa"] },
  { q: "Cu đơ Xuân Lương", kind: "exact", expect: ["Cu đơ Xuân Lương"] },
  { q: "Vang nho 39", kind: "exact", expect: ["Vang nho 39"] },
  { q: "Trứng vịt biển", kind: "exact", expect: ["Trứng vịt biển Đồng Rui"] },

  { q: "che dinh", kind: "plain", expect: ["Chè đinh"] },
  { q: "hong tra", kind: "plain", expect: ["Hồng trà"] },
  { q: "gao huu co an lo", kind: "plain", expect: ["Gạo hữu cơ An Lỗ"] },
  { q: "duong hoa dua", kind: "plain", expect: ["Đường hoa dừa"] },
  { q: "mang nua kho", kind: "plain", expect: ["Măng nứa khô nấu ngay"] },
  { q: "ca phe khe sanh", kind: "plain", expect: ["Cà phê Khe Sanh"] },
  { q: "tra lai cau dat", kind: "plain", expect: ["Trà lài Cầu Đất"] },
  { q: "tra sen cau dat", kind: "plain", expect: ["Trà sen Cầu Đất"] },
  { q: "bo lđ 034", kind: "plain", expect: ["Bơ LĐ 034 Bình Minh"] },
  { q: "dua sap bao chau", kind: "plain", expect: ["Dừa sáp Bảo Châu"] },
  { q: "sua chua dua sap", kind: "plain", expect: ["Sữa chua dừa sáp"] },
  { q: "keo chuoi gan", kind: "plain", expect: ["Kẹo chuối gân"] },
  { q: "nuoc mam khai hoan 43", kind: "plain", expect: ["Nước mắm Phú Quốc Khải Hoàn 43 độ đạm"] },
  { q: "ruou ba kich ba che", kind: "plain", expect: ["Rượu ba kích Ba Chẽ"] },
  { q: "nuoc khoang quang hanh chanh muoi", kind: "plain", expect: ["Nước khoáng Quang Hanh Fresh vị chanh muối"] },
  { q: "trung vit bien dong rui", kind: "plain", expect: ["Trứng vịt biển Đồng Rui"] },
  { q: "banh da vung ha tam", kind: "plain", expect: ["Bánh đa vừng Hà Tâm"] },
  { q: "gio bot tham thanh", kind: "plain", expect: ["Giò bột Thắm Thanh"] },

  { q: "hongg tra", kind: "typo", expect: ["Hồng trà"] },
  {
    q: "vicosapp",
    kind: "typo",
    expect: [
      "Dừa sáp sợi VICOSAP",
      "Dừa sáp sợi (VICOSAP)",
      "Bánh Vicosap dừa sáp và khoai lang",
      "Bánh Vicosap dừa sáp và bí đỏ",
      "Bánh Vicosap dừa sáp và chuối",
    ],
  },
  {
    q: "curcumine",
    kind: "typo",
    expect: ["Thực phẩm bảo vệ sức khỏe Vicumax Limited Nano Curcumin", "Thực phẩm bảo vệ sức khỏe Vicumax Mật ong Nano curcumin"],
  },
  {
    q: "Quangg Hanh",
    kind: "typo",
    expect: ["Nước khoáng thiên nhiên Quang Hanh (bổ sung ga chất lượng cao)", "Nước khoáng Quang Hanh Fresh vị chanh muối"],
  },
  { q: "actisso sapa", kind: "typo", expect: ["Trà phun sương Actiso Sapa"] },
  {
    q: "arabicca",
    kind: "typo",
    expect: ["Cà phê phin giấy Arabica (Chappi Mountains Coffee)", "Cà phê đặc sản Arabica yellow Bourbon (Chappi Mountains Coffee)"],
  },
  {
    q: "ichifods",
    kind: "typo",
    expect: [
      "Bột cần tây nguyên chất (Dalat ICHIFOODS)",
      "Bột cần tây cỏ ngọt (Dalat ICHIFOODS)",
      "Bột rau diếp cá cỏ ngọt (Dalat ICHIFOODS)",
      "Bột rau má dừa đậu xanh (Dalat ICHIFOODS)",
    ],
  },
  { q: "catimorr", kind: "typo", expect: ["Cà phê catimor nhân xanh Cầu Đất", "Cà phê catimor rang nguyên hạt Cầu Đất"] },

  {
    q: "curcumin Bắc Kạn",
    kind: "old-province",
    expect: ["Thực phẩm bảo vệ sức khỏe Vicumax Limited Nano Curcumin", "Thực phẩm bảo vệ sức khỏe Vicumax Mật ong Nano curcumin"],
  },
  { q: "hong tra ha giang", kind: "old-province", expect: ["Hồng trà"] },
  { q: "măng Hòa Bình", kind: "old-province", expect: ["Măng nứa khô nấu ngay"] },
  {
    q: "dừa sáp Trà Vinh",
    kind: "old-province",
    expect: [
      "Dừa sáp Bảo Châu",
      "Dừa sáp sợi VICOSAP",
      "Dừa sáp sợi (VICOSAP)",
      "Dừa sáp sấy khô giòn tan",
      "Sữa chua dừa sáp",
      "Kẹo dừa sáp cacao",
      "Mứt dừa sáp Cẩm Hằng",
      "Bánh Vicosap dừa sáp và khoai lang",
      "Bánh Vicosap dừa sáp và bí đỏ",
      "Bánh Vicosap dừa sáp và chuối",
    ],
  },
  {
    q: "nuoc mam kien giang",
    kind: "old-province",
    expect: [
      "Nước mắm Phú Quốc Khải Hoàn 38 độ đạm",
      "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
      "Nước mắm Phú Quốc Khải Hoàn 43 độ đạm",
      "Nước mắm Thanh Quốc 35 độ đạm",
    ],
  },
  { q: "gạo Thừa Thiên Huế", kind: "old-province", expect: ["Gạo hữu cơ An Lỗ"] },
  { q: "vang nho ninh thuan", kind: "old-province", expect: ["Vang nho 39"] },
  { q: "dầu mè Bình Định", kind: "old-province", expect: ["Dầu mè Thượng Giang"] },

  { q: "Hợp tác xã chè Hảo Đạt", kind: "producer", expect: ["Chè đinh"] },
  { q: "trapaco", kind: "producer", expect: ["Trà phun sương Actiso Sapa"] },
  {
    q: "Daisy International",
    kind: "producer",
    expect: [
      "Cà phê phin giấy Arabica (Chappi Mountains Coffee)",
      "Cà phê phin giấy Đẳng sâm (Chappi Mountains Coffee)",
      "Cà phê phin giấy Linh chi (Chappi Mountains Coffee)",
      "Cà phê đặc sản Arabica yellow Bourbon (Chappi Mountains Coffee)",
    ],
  },
  { q: "ho kinh doanh ngoc thao", kind: "producer", expect: ["Kim chi Ngọc Thảo"] },
  { q: "Thạch Su", kind: "producer", expect: ["Thủ công mỹ nghệ Thạch Su"] },
  { q: "Công ty TNHH Trà Vinh FARM", kind: "producer", expect: ["Đường hoa dừa"] },
  { q: "htx phuoc vinh 59", kind: "producer", expect: ["Táo tươi", "Măng tây tươi"] },
  { q: "cong ty tnhh duc phong", kind: "producer", expect: ["Nhóm gương mây tre", "Nhóm đèn bàn mây tre"] },

  {
    q: "mật ong",
    kind: "group",
    expect: ["Mật ong Vũ Quang", "Mật ong hoa rừng đồi bà Chúa Hích", "Thực phẩm bảo vệ sức khỏe Vicumax Mật ong Nano curcumin"],
  },
  {
    q: "mat ong",
    kind: "group",
    expect: ["Mật ong Vũ Quang", "Mật ong hoa rừng đồi bà Chúa Hích", "Thực phẩm bảo vệ sức khỏe Vicumax Mật ong Nano curcumin"],
  },
  {
    q: "rượu",
    kind: "group",
    expect: [
      "Rượu sim Qúy Chuẩn",
      "Rượu ba kích Ba Chẽ",
      "Rượu nấm lim xanh Ba Chẽ",
      "Rượu ba kích đặc sản Quảng Ninh",
      "Rượu mú từn",
      "Rượu Tà Rương Mão",
      "Rượu Ô Lâu",
      "Rượu nếp cái Hà Mai",
      "Rượu nếp Ngọc Quế",
      "Rượu nhung hươu Ngọc Linh",
    ],
  },
  {
    q: "nước mắm",
    kind: "group",
    expect: [
      "Nước mắm Lê Gia",
      "Nước mắm hạ thổ",
      "Nước mắm Phú Quốc Khải Hoàn 38 độ đạm",
      "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm",
      "Nước mắm Phú Quốc Khải Hoàn 43 độ đạm",
      "Nước mắm Thanh Quốc 35 độ đạm",
      "Nước mắm cá cơm Xuân Anh",
      "Nước mắm ruốc Làng Trài",
      "Nước mắm ruốc Hương Giang",
    ],
  },
  { q: "giò lụa", kind: "group", expect: ["Giò lụa Quyết Châu", "Giò lụa Thành Duẫn", "Giò lụa Bình Sơn"] },
  { q: "bưởi da xanh", kind: "group", expect: ["Bưởi da xanh Ninh Thới", "Bưởi da xanh Mộng Hoa", "Bưởi da xanh Làng Cam"] },
  { q: "kẹo lạc", kind: "group", expect: ["Kẹo lạc Sửu Hà"] },
  { q: "mây tre", kind: "group", expect: ["Nhóm gương mây tre", "Nhóm đèn bàn mây tre"] },
  { q: "hương trầm", kind: "group", expect: ["Hương trầm Quốc Thạch", "Hương trầm Liên Đức"] },
  { q: "đông trùng hạ thảo", kind: "group", expect: ["Đông trùng hạ thảo khô – DKM", "Đông trùng hạ thảo khô Phương Thùy"] },

  { q: "trà đinh", kind: "synonym", expect: ["Chè đinh"] },
  { q: "cafe khe sanh", kind: "synonym", expect: ["Cà phê Khe Sanh"] },
  { q: "cà fê bích thao", kind: "synonym", expect: ["Cà phê bột nguyên chất"] },
  { q: "dầu đậu phộng", kind: "synonym", expect: ["Dầu đậu phộng Tân Lạc Việt", "Dầu lạc nguyên chất Eva"] },
  { q: "thịt heo", kind: "synonym", expect: ["Thịt lợn hương", "Thịt lợn hướng nạc nguồn gốc từ châu Âu"] },
  { q: "nhang trầm", kind: "synonym", expect: ["Nhang sạch An An", "Hương trầm Quốc Thạch", "Hương trầm Liên Đức"] },
]

/**
 * Precision@3 of one query: the share of the top 3 (or of the expected products, when fewer than 3 are
 * expected) that is expected.
 */
export function precisionAt3(expected: string[], top: string[]): number {
  const top3 = top.slice(0, 3)
  const wanted = new Set(expected)
  const denominator = Math.min(3, expected.length)
  return top3.filter((title) => wanted.has(title)).length / denominator
}
