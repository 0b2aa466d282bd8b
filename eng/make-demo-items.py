#!/usr/bin/env python3
"""Writes src/Modules/Catalog/Yiwang.Modules.Catalog/Data/demo-items.csv: complete demo guides for common items.

The guides are written for the demo (realistic, modelled on published 办事指南), not copied from any source.
Two regions: 四川省广安市广安区 (511602) and 四川省成都市武侯区 (510107). A few basic catalogue items (基本目录)
let the 同源 consistency report show one deliberate drift.
"""
import csv, json, os

D = {  # department code -> (name, region)
 "GA-SCJG": ("广安区市场监督管理局", "511602"), "GA-MZ": ("广安区民政局", "511602"), "GA-WJ": ("广安区卫生健康局", "511602"),
 "GA-GA": ("广安市公安局广安区分局", "511602"), "GA-ZRZY": ("广安区自然资源和规划局", "511602"), "GA-ZJ": ("广安区住房和城乡建设局", "511602"),
 "GA-RS": ("广安区人力资源和社会保障局", "511602"), "GA-YB": ("广安区医疗保障局", "511602"), "GA-CL": ("广安区残疾人联合会", "511602"),
 "GA-JT": ("广安区交通运输局", "511602"), "GA-YC": ("广安区烟草专卖局", "511602"),
 "WH-SCJG": ("武侯区市场监督管理局", "510107"), "WH-MZ": ("武侯区民政局", "510107"), "WH-RS": ("武侯区人力资源和社会保障局", "510107"),
}
PLACE = {"511602": ("广安区政务服务中心（广安市广安区金安大道二段）{w}号窗口", "0826-2345678"),
         "510107": ("武侯区政务服务中心（成都市武侯区武侯大道）{w}号窗口", "028-85551234")}
HOURS = "周一至周五（法定节假日除外）上午9:00-12:00，下午13:30-17:30"

def m(name, form="Original", count=1, required=True, fmt=None, source="申请人自备", lic=None, data=None, note=None):
    x = {"name": name, "required": required, "form": form, "count": count, "source": source}
    if fmt: x["format"] = fmt
    if lic: x["replacedByLicenceType"] = lic
    if data: x["replacedByDataItem"] = data
    if note: x["note"] = note
    return x

ID = lambda who="申请人": m(f"{who}居民身份证", "Original", 1, lic="CN-SFZ", note="可使用电子身份证（电子证照）代替")
HUKOU = lambda: m("居民户口簿", "Original", 1, lic="CN-HKB", data="公安人口户籍信息")
BL = lambda: m("营业执照", "Original", 1, lic="CN-YYZZ", source="市场监督管理部门核发")

def steps(*s):
    return [{"name": n, "role": r, "limitDays": d} for n, r, d in s]

STD3 = lambda total: steps(("受理", "窗口受理", 0), ("审查", "审批", max(total - 1, 0)), ("决定", "审批", 1 if total else 0))

ITEMS = []
def item(code, name, dept, type_code, basis, cond, mats, statutory, promised, *, kind="实施清单", handling="承诺件", depth="全程网办",
         visits=0, flags=("no-visit",), result=None, fees=None, objects=("1",), levels=("4",), aliases=(), faqs=(), process=None,
         channels=("window", "web", "mobile"), basic=None, note=None, window=1):
    name_dept = D.get(dept, (None, None))
    region = name_dept[1]
    place, phone = PLACE.get(region, ("", ""))
    ITEMS.append({
        "事项编码": code, "目录类别": kind, "基本编码": basic or "", "事项名称": name, "事项类型": type_code,
        "行政区划": region or "", "实施主体编码": dept if region else "", "实施主体": name_dept[0] or "",
        "别名": "；".join(aliases), "行使层级": "；".join(levels), "设定依据": basis, "受理条件": cond,
        "服务对象": "；".join(objects), "办件类型": handling, "法定办结时限": statutory, "承诺办结时限": promised,
        "时限说明": note or "", "是否收费": "是" if fees else "否",
        "收费项目": json.dumps(fees, ensure_ascii=False) if fees else "", "办理形式": "；".join(channels),
        "网上办理深度": depth, "办理地点": place.format(w=window) if region else "", "办理时间": HOURS if region else "",
        "咨询电话": phone, "监督电话": "12345", "到现场次数": visits, "结果名称": result or "",
        "标签": "；".join(flags), "申请材料": json.dumps(mats, ensure_ascii=False),
        "办理流程": json.dumps(process or STD3(promised or 0), ensure_ascii=False),
        "常见问题": json.dumps([{"question": q, "answer": a} for q, a in faqs], ensure_ascii=False) if faqs else "",
    })

MARRIAGE_BASIS = "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条、第五条、第七条"
MARRIAGE_MATS = [HUKOU(), ID("男女双方"), m("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", "Original", 1, source="现场填写"),
                 m("双方近期半身免冠合影照片", "Original", 3, fmt="2寸红底彩色照片")]
BUSINESS_BASIS = "《促进个体工商户发展条例》第八条；《中华人民共和国市场主体登记管理条例》第三条、第十九条"
BUSINESS_MATS = [m("个体工商户登记（备案）申请书", "Original", 1, source="登记机关提供或网上填报"), ID("经营者"),
                 m("经营场所使用相关文件", "Copy", 1, required=True, data="不动产登记信息", note="自有房产可由不动产登记信息共享核验，免予提交"),
                 m("委托代理人身份证明及授权委托书", "Original", 1, required=False, note="委托他人办理时提交")]

# Basic catalogue items (基本目录): national elements that implementation lists must keep.
item("000107001000", "结婚登记", "", "07", MARRIAGE_BASIS, "内地居民双方自愿结婚，达到法定婚龄（男不早于22周岁，女不早于20周岁），双方均无配偶且无禁止结婚的亲属关系。",
     MARRIAGE_MATS, 0, 0, kind="基本目录", handling="即办件", levels=("4",), result="结婚证")
item("000101001000", "个体工商户设立登记", "", "01", BUSINESS_BASIS, "有经营能力的公民，经营范围不属于禁止经营的项目，有固定经营场所。",
     BUSINESS_MATS, 15, 3, kind="基本目录", result="营业执照", objects=("1",))

# 市场监管
for prefix, dept, w in (("511602", "GA-SCJG", 3), ("510107", "WH-SCJG", 5)):
    item(f"{prefix}-SCJG-001", "个体工商户设立登记", dept, "01", BUSINESS_BASIS,
         "有经营能力的公民，经营范围不属于禁止经营的项目，有固定经营场所。",
         BUSINESS_MATS if prefix == "511602" else BUSINESS_MATS[:2] + BUSINESS_MATS[3:],  # 武侯区 drops a required material: drift
         15, 1 if prefix == "511602" else 3, basic="000101001000", result="营业执照", visits=0, window=w,
         flags=("no-visit", "high-frequency", "certificate-free", "delivery"), aliases=("个体户营业执照", "办营业执照", "个体执照"),
         faqs=[("个体工商户可以起字号吗？", "可以。个体工商户可以使用名称，也可以不使用名称；使用名称的应依法申请名称登记。"),
               ("营业执照多久能拿到？", "材料齐全、符合法定形式的，当场或承诺时限内核发营业执照，可选择邮寄送达或领取电子营业执照。")])
item("511602-SCJG-002", "有限责任公司设立登记", "GA-SCJG", "01", "《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第三条",
     "有符合公司章程规定的全体股东认缴的出资额；有公司名称和住所；有公司章程；有公司组织机构。",
     [m("公司登记（备案）申请书", source="网上填报"), m("公司章程"), ID("股东、法定代表人"), m("住所使用相关文件", "Copy", data="不动产登记信息"),
      m("法定代表人、董事、监事和经理的任职文件")],
     15, 1, result="营业执照", objects=("2",), flags=("no-visit", "high-frequency", "delivery"), aliases=("公司注册", "开公司", "企业开办"), window=3)
item("511602-SCJG-003", "营业执照变更登记", "GA-SCJG", "01", "《中华人民共和国市场主体登记管理条例》第二十四条",
     "市场主体变更登记事项，应当自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记。",
     [m("变更登记申请书", source="网上填报"), BL(), m("变更决议或决定"), m("变更事项相关证明文件", required=False)],
     15, 1, result="营业执照", objects=("1", "2"), flags=("no-visit", "high-frequency"), aliases=("执照变更", "变更经营范围", "变更法定代表人"), window=3)
item("511602-SCJG-004", "营业执照注销登记（简易注销）", "GA-SCJG", "01", "《中华人民共和国市场主体登记管理条例》第三十三条",
     "未发生债权债务或者已将债权债务清偿完结，未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款，经公示期满无异议。",
     [m("简易注销登记申请书", source="网上填报"), m("全体投资人承诺书"), BL()], 15, 3, objects=("1", "2"),
     flags=("no-visit",), aliases=("注销营业执照", "公司注销", "个体户注销"), note="需先在国家企业信用信息公示系统公示20日", window=3)
item("511602-SCJG-005", "食品经营许可（新办）", "GA-SCJG", "01", "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》第四条",
     "具有与经营的食品品种、数量相适应的经营场所；有食品安全管理人员和保证食品安全的规章制度；设备布局和工艺流程合理。",
     [m("食品经营许可申请书", source="网上填报"), BL(), m("与食品经营相适应的主要设备设施、经营布局、操作流程等文件"), m("食品安全自查、从业人员健康管理等制度")],
     20, 10, result="食品经营许可证", objects=("1", "2"), depth="网上受理", visits=1, flags=("at-most-one-visit", "high-frequency"),
     aliases=("餐饮许可证", "食品许可证", "开饭店"), process=steps(("受理", "窗口受理", 0), ("现场核查", "审批", 5), ("审查决定", "审批", 4), ("制证", "窗口受理", 1)), window=4)
item("511602-SCJG-006", "食品经营许可变更", "GA-SCJG", "01", "《食品经营许可和备案管理办法》第二十九条",
     "食品经营许可证载明的许可事项发生变化的，应当在变化后10个工作日内申请变更。",
     [m("食品经营许可变更申请书", source="网上填报"), m("食品经营许可证", lic="CN-SPJYXK"), m("与变更事项有关的材料")],
     20, 5, result="食品经营许可证", objects=("1", "2"), depth="网上受理", visits=1, flags=("at-most-one-visit",), window=4)
item("511602-SCJG-007", "药品零售企业许可", "GA-SCJG", "01", "《中华人民共和国药品管理法》第五十一条、第五十二条",
     "有依法经过资格认定的药师或者其他药学技术人员；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境。",
     [m("药品经营许可证申请表"), BL(), m("执业药师注册证", "Copy"), m("营业场所、仓库平面布置图及房屋产权或使用权证明", "Copy")],
     30, 20, result="药品经营许可证", objects=("2",), depth="网上受理", visits=1, flags=("at-most-one-visit",), window=4)

# 民政
for prefix, dept, w in (("511602", "GA-MZ", 8), ("510107", "WH-MZ", 9)):
    item(f"{prefix}-MZ-001", "结婚登记", dept, "07", MARRIAGE_BASIS,
         "内地居民双方自愿结婚，达到法定婚龄（男不早于22周岁，女不早于20周岁），双方均无配偶且无禁止结婚的亲属关系。",
         MARRIAGE_MATS, 0, 0, basic="000107001000", handling="即办件", depth="网上预审", visits=1, result="结婚证",
         flags=("at-most-one-visit", "high-frequency", "appointment", "cross-province"), aliases=("领结婚证", "婚姻登记"), window=w,
         process=steps(("预约", "窗口受理", 0), ("受理审查", "窗口受理", 0), ("颁证", "窗口受理", 0)),
         faqs=[("可以在非户籍地办理结婚登记吗？", "可以。按照婚姻登记“跨省通办”规定，一方在居住地连续居住满半年并持有居住证的，可在居住地婚姻登记机关办理。")])
item("511602-MZ-002", "离婚登记", "GA-MZ", "07", "《中华人民共和国民法典》第一千零七十六条、第一千零七十七条；《婚姻登记条例》第十条至第十三条",
     "双方自愿离婚，对子女抚养、财产及债务处理等事项协商一致，并经30日离婚冷静期。",
     [HUKOU(), ID("男女双方"), m("结婚证", lic="CN-JHZ"), m("双方当事人共同签署的离婚协议书", count=3)],
     30, 30, depth="网上预审", visits=2, result="离婚证", flags=("appointment",), note="自婚姻登记机关收到离婚登记申请之日起30日内任何一方可撤回；期满后30日内双方应亲自到场申请发给离婚证", window=8)
item("511602-MZ-003", "补领结婚证", "GA-MZ", "07", "《婚姻登记条例》第十七条", "结婚证遗失或者损毁的，当事人可以持户口簿、身份证向原办理婚姻登记的机关或者一方当事人常住户口所在地的婚姻登记机关申请补领。",
     [HUKOU(), ID(), m("本人近期半身免冠照片", count=2, fmt="2寸")], 0, 0, handling="即办件", depth="网上预审", visits=1, result="结婚证", flags=("at-most-one-visit",), window=8)
item("511602-MZ-004", "最低生活保障申请", "GA-MZ", "05", "《社会救助暂行办法》第九条至第十一条；《四川省最低生活保障实施办法》",
     "共同生活的家庭成员人均收入低于当地最低生活保障标准，且符合当地最低生活保障家庭财产状况规定。",
     [ID(), HUKOU(), m("最低生活保障申请书", source="乡镇（街道）提供"), m("家庭经济状况核查授权书"), m("家庭收入、财产状况声明")],
     30, 20, objects=("1",), levels=("4", "5"), depth="网上受理", visits=1, result="最低生活保障金", flags=("at-most-one-visit",), channels=("window", "web"),
     process=steps(("受理", "乡镇（街道）", 3), ("家庭经济状况调查", "乡镇（街道）", 10), ("公示", "乡镇（街道）", 7), ("审批", "审批", 5)), window=8)
item("511602-MZ-005", "高龄津贴申领", "GA-MZ", "05", "《四川省老年人权益保障条例》第二十九条", "具有本地户籍、年满80周岁的老年人。",
     [ID(), HUKOU(), m("本人社会保障卡或银行账户信息", "Copy")], 20, 10, levels=("4", "5"), result="高龄津贴",
     flags=("no-visit", "certificate-free"), aliases=("高龄补贴", "老年人补贴"), window=8)

# 卫健
item("511602-WJ-001", "生育登记", "GA-WJ", "20", "《中华人民共和国人口与计划生育法》；《四川省生育登记服务管理办法》",
     "夫妻双方生育子女的，实行生育登记服务制度，可在孕前、孕期或子女出生后登记。",
     [ID("夫妻双方"), m("结婚证", lic="CN-JHZ", required=False, note="未婚生育的可不提供")], 0, 0, handling="即办件",
     levels=("4", "5"), result="生育登记回执", flags=("no-visit", "certificate-free", "high-frequency"), aliases=("生育服务登记", "准生证", "生育服务证"), window=10)
item("511602-WJ-002", "出生医学证明首次签发", "GA-WJ", "20", "《中华人民共和国母婴保健法》第二十三条", "在本辖区助产机构出生的新生儿。",
     [ID("父母双方"), m("出生医学证明首次签发登记表", source="助产机构提供")], 0, 0, handling="即办件", depth="网上预审", visits=1,
     result="出生医学证明", flags=("at-most-one-visit",), aliases=("出生证", "出生证明"), window=10)
item("511602-WJ-003", "公共场所卫生许可", "GA-WJ", "01", "《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条",
     "经营住宿、沐浴、美容美发等公共场所，具备符合卫生要求的场所、设施和卫生管理制度。",
     [m("公共场所卫生许可申请表"), BL(), m("公共场所地址方位示意图、平面图和卫生设施平面布局图"), m("公共场所卫生检测或者评价报告")],
     20, 10, objects=("1", "2"), depth="网上受理", visits=1, result="公共场所卫生许可证", flags=("at-most-one-visit",), window=10)

# 公安
item("511602-GA-001", "户口迁移（市外迁入）", "GA-GA", "07", "《中华人民共和国户口登记条例》第十条、第十三条；《四川省户口登记管理规定》",
     "符合迁入地落户条件（合法稳定住所、投靠直系亲属、人才引进等）的人员。",
     [ID(), HUKOU(), m("合法稳定住所证明", "Copy", data="不动产登记信息"), m("落户条件相关证明（如亲属关系、劳动合同）", "Copy")],
     20, 5, levels=("4",), depth="网上受理", visits=1, result="居民户口簿（迁入）",
     flags=("at-most-one-visit", "high-frequency", "cross-province"), aliases=("户口迁入", "落户", "迁户口", "户籍迁移"),
     faqs=[("还需要回原籍开迁移证吗？", "不需要。实行户口迁移“跨省通办”，在迁入地公安机关一站办理，无需回迁出地开具迁移证。")], window=12)
item("511602-GA-002", "出生登记（新生儿落户）", "GA-GA", "07", "《中华人民共和国户口登记条例》第七条", "婴儿出生后一个月以内，由户主、亲属、抚养人或者邻居向婴儿常住地户口登记机关申报出生登记。",
     [m("出生医学证明", lic="CN-CSYXZM"), HUKOU(), ID("父母双方"), m("结婚证", lic="CN-JHZ", required=False)], 20, 1,
     depth="全程网办", result="居民户口簿", flags=("no-visit", "certificate-free", "high-frequency"), aliases=("新生儿上户口", "报户口", "婴儿落户"), window=12)
item("511602-GA-003", "居民身份证换领", "GA-GA", "07", "《中华人民共和国居民身份证法》第十一条", "居民身份证有效期满、证件严重损坏不能辨认或者登记项目变更的。",
     [m("原居民身份证", lic="CN-SFZ"), HUKOU()], 60, 20, depth="网上预审", visits=1, result="居民身份证",
     flags=("at-most-one-visit", "cross-province", "delivery"), aliases=("身份证到期", "换身份证", "身份证"), fees=[{"name": "居民身份证工本费", "standard": "20元/证", "basis": "《关于居民身份证收费标准及有关问题的通知》"}], window=12)
item("511602-GA-004", "居住证申领", "GA-GA", "07", "《居住证暂行条例》第二条、第九条", "离开常住户口所在地，到本地居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的公民。",
     [ID(), m("居住地住址证明", "Copy"), m("就业、就读等证明材料", "Copy")], 15, 7, result="居住证", flags=("no-visit",), window=12)
item("511602-GA-005", "机动车驾驶证换证", "GA-GA", "07", "《机动车驾驶证申领和使用规定》第六十二条", "机动车驾驶证有效期满前九十日内申请换证。",
     [ID(), m("机动车驾驶证", lic="CN-JSZ"), m("身体条件证明", data="医疗机构体检信息")], 1, 1, depth="全程网办", result="机动车驾驶证",
     flags=("no-visit", "cross-province", "delivery"), aliases=("驾照到期换证", "驾照换证"), fees=[{"name": "驾驶证工本费", "standard": "10元/本"}], window=13)

# 自然资源
item("511602-ZRZY-001", "不动产首次登记", "GA-ZRZY", "07", "《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》",
     "依法取得不动产权利，首次申请登记。", [m("不动产登记申请书"), ID(), m("土地权属来源材料"), m("建设工程符合规划的材料"), m("房屋已经竣工的材料")],
     30, 5, objects=("1", "2"), depth="网上受理", visits=1, result="不动产权证书", flags=("at-most-one-visit",), aliases=("房产证", "办房产证"), window=15,
     fees=[{"name": "不动产登记费（住宅）", "standard": "80元/件", "basis": "《关于不动产登记收费标准等有关问题的通知》"}])
item("511602-ZRZY-002", "不动产转移登记（二手房买卖）", "GA-ZRZY", "07", "《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》第三十八条",
     "买卖、互换、赠与等导致不动产权利转移的，当事人双方共同申请。",
     [m("不动产登记申请书"), ID("买卖双方"), m("不动产权证书", lic="CN-BDCQZS"), m("房屋买卖合同"), m("完税凭证", data="税务完税信息")],
     30, 3, objects=("1", "2"), depth="网上受理", visits=1, result="不动产权证书", flags=("at-most-one-visit", "high-frequency"),
     aliases=("房屋过户", "二手房过户", "不动产登记"), note="实行“一窗受理、并行办理”，交易、缴税、登记一次办结", window=15,
     fees=[{"name": "不动产登记费（住宅）", "standard": "80元/件"}])
item("511602-ZRZY-003", "不动产抵押登记", "GA-ZRZY", "07", "《中华人民共和国民法典》第四百零二条；《不动产登记暂行条例实施细则》第六十五条",
     "以不动产设定抵押的，当事人应当申请抵押登记。", [m("不动产登记申请书"), ID(), m("不动产权证书", lic="CN-BDCQZS"), m("抵押合同与主债权合同")],
     30, 1, objects=("1", "2"), result="不动产登记证明", flags=("no-visit",), aliases=("房屋抵押", "按揭登记"), window=15,
     fees=[{"name": "不动产登记费", "standard": "80元/件"}])

# 住建
item("511602-ZJ-001", "建筑工程施工许可证核发", "GA-ZJ", "01", "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》",
     "已经办理用地批准手续；已经取得建设工程规划许可证；施工场地已经基本具备施工条件；已经确定施工企业；有满足施工需要的资金安排、施工图纸及技术资料。",
     [m("建筑工程施工许可申请表"), m("建设工程规划许可证", lic="CN-JSGCGHXK"), m("施工合同"), m("施工图设计文件审查合格书"), m("建设资金已落实承诺书")],
     15, 3, objects=("2",), result="建筑工程施工许可证", flags=("no-visit",), aliases=("施工许可", "施工许可证"), window=16,
     process=steps(("受理", "窗口受理", 0), ("审查", "审批", 2), ("决定", "审批", 1)))
item("511602-ZJ-002", "商品房预售许可", "GA-ZJ", "01", "《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》",
     "已交付全部土地使用权出让金，取得土地使用权证书；持有建设工程规划许可证和施工许可证；投入开发建设的资金达到工程建设总投资的25%以上。",
     [m("商品房预售许可申请表"), BL(), m("土地使用权证书", "Copy"), m("建设工程规划许可证和施工许可证", "Copy"), m("商品房预售方案")],
     10, 5, objects=("2",), depth="网上受理", visits=1, result="商品房预售许可证", flags=("at-most-one-visit",), window=16)

# 人社 / 医保
for prefix, dept, w in (("511602", "GA-RS", 18), ("510107", "WH-RS", 6)):
    item(f"{prefix}-RS-001", "城乡居民养老保险参保登记", dept, "20", "《中华人民共和国社会保险法》第二十条至第二十二条；《国务院关于建立统一的城乡居民基本养老保险制度的意见》",
         "年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险覆盖范围的城乡居民。",
         [ID(), m("城乡居民基本养老保险参保登记表", source="网上填报")], 0, 0, handling="即办件", levels=("4", "5"),
         result="参保登记", flags=("no-visit", "high-frequency", "province-wide"), aliases=("养老保险参保", "居民养老保险", "社保参保"), window=w)
item("511602-RS-002", "城乡居民养老保险待遇申领", "GA-RS", "05", "《中华人民共和国社会保险法》第二十一条", "参保人年满60周岁、累计缴费满15年，且未领取国家规定的基本养老保障待遇。",
     [ID(), m("社会保障卡", lic="CN-SBK")], 20, 10, levels=("4",), result="养老金", flags=("no-visit", "certificate-free"), aliases=("领养老金", "退休金申领"), window=18)
item("511602-RS-003", "失业保险金申领", "GA-RS", "05", "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条",
     "失业前用人单位和本人已经缴纳失业保险费满一年的，非因本人意愿中断就业的，已经进行失业登记并有求职要求的。",
     [ID(), m("解除或终止劳动关系证明", data="人社就业登记信息")], 20, 5, result="失业保险金", flags=("no-visit", "cross-province"), aliases=("失业金", "领失业金"), window=18)
item("511602-RS-004", "就业创业证申领", "GA-RS", "20", "《就业服务与就业管理规定》第六十一条", "法定劳动年龄内、有劳动能力和就业要求的城乡劳动者。",
     [ID()], 0, 0, handling="即办件", result="就业创业证（电子证）", flags=("no-visit", "certificate-free"), aliases=("失业证", "就业失业登记证"), window=18)
item("511602-RS-005", "社会保障卡申领", "GA-RS", "20", "《中华人民共和国社会保险法》第五十八条", "已参加社会保险的人员。",
     [ID(), m("本人近期免冠照片", "Electronic", 1, fmt="JPG，白底", note="可现场采集")], 20, 5, result="社会保障卡",
     flags=("no-visit", "delivery", "cross-province"), aliases=("社保卡", "办社保卡"), window=18)
item("511602-YB-001", "城乡居民医疗保险参保登记", "GA-YB", "20", "《中华人民共和国社会保险法》第二十五条", "不属于职工基本医疗保险应参保范围的城乡居民。",
     [ID()], 0, 0, handling="即办件", levels=("4", "5"), result="参保登记", flags=("no-visit", "high-frequency"), aliases=("医保参保", "居民医保"), window=19)
item("511602-YB-002", "异地就医备案", "GA-YB", "20", "《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》",
     "参保人员异地长期居住、临时外出就医或转诊转院。", [ID(), m("异地就医备案承诺书", source="网上填报")], 0, 0, handling="即办件",
     result="备案回执", flags=("no-visit", "cross-province", "high-frequency"), aliases=("异地就医", "医保异地备案"), window=19)

# 其他部门
item("511602-CL-001", "残疾人证办理", "GA-CL", "20", "《中华人民共和国残疾人保障法》；《中国残疾人证管理办法》",
     "符合残疾标准的本地户籍居民。", [ID(), HUKOU(), m("本人近期免冠照片", count=3, fmt="2寸白底"), m("残疾评定结论", source="指定医疗机构")],
     30, 15, levels=("4", "5"), depth="网上预审", visits=1, result="中华人民共和国残疾人证", flags=("at-most-one-visit", "cross-province"), aliases=("残疾证",), window=20)
item("511602-JT-001", "道路普通货物运输经营许可", "GA-JT", "01", "《中华人民共和国道路运输条例》第二十一条、第二十四条",
     "有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。",
     [m("道路货物运输经营申请表"), BL(), m("负责人身份证明", lic="CN-SFZ"), m("车辆行驶证", "Copy", lic="CN-XSZ"), m("安全生产管理制度文本")],
     20, 5, objects=("1", "2"), result="道路运输经营许可证", flags=("no-visit",), aliases=("道路运输证", "货运许可"), window=21)
item("511602-YC-001", "烟草专卖零售许可证新办", "GA-YC", "01", "《中华人民共和国烟草专卖法》第十六条；《烟草专卖许可证管理办法》",
     "有与经营烟草制品零售业务相适应的资金；有固定的经营场所；符合烟草专卖零售许可证合理布局要求。",
     [m("烟草专卖零售许可证申请表"), BL(), ID("经营者"), m("经营场所使用证明", "Copy")], 20, 10, objects=("1", "2"),
     depth="网上受理", visits=1, result="烟草专卖零售许可证", flags=("at-most-one-visit",), aliases=("烟草证", "卖烟许可证"), window=22)

out = os.path.join(os.path.dirname(__file__), "..", "src/Modules/Catalog/Yiwang.Modules.Catalog/Data/demo-items.csv")
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(ITEMS[0].keys()))
    w.writeheader()
    w.writerows(ITEMS)
print(f"{len(ITEMS)} items -> {os.path.normpath(out)}")
