# ruff: noqa: E501
"""The demo board's raw material: fictional exhibitors of the fair and job templates per segment.

Every firm, person and address here is invented; web sites and mailboxes use example.cn / example.com.
Halls follow the fair's layout: A chips (芯), B optics (光), C satellites (星), D automotive (车),
E networks (网), F institutes, universities and services.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Firm:
    key: str  # the host name under example.cn / example.com
    name_zh: str
    name_en: str
    segment: str
    city: str
    booth: str
    focus_zh: str  # what the firm makes, used inside posting texts
    focus_en: str
    about_zh: str
    about_en: str
    foreign: bool = False  # writes its postings in English and is listed under its English name
    branches: tuple[str, ...] = ()  # other cities some of its postings are in
    pool: str = ""  # which templates fit the firm, when not simply those of its segment

    @property
    def template_pool(self) -> str:
        return self.pool or ("foreign" if self.foreign else self.segment)

    @property
    def hall(self) -> str:
        return self.booth.split("-", 1)[0]

    @property
    def domain(self) -> str:
        return f"{self.key}.example.{'com' if self.foreign else 'cn'}"

    @property
    def website(self) -> str:
        return f"https://www.{self.domain}"

    @property
    def import_name(self) -> str:
        """The name in the ``company`` column of a job table: foreign firms send their English name."""
        return self.name_en if self.foreign else self.name_zh


def _firm(key: str, zh: str, en: str, segment: str, city: str, booth: str, focus: tuple[str, str],
          about_zh: str, about_en: str, *, foreign: bool = False, branches: tuple[str, ...] = (),
          pool: str = "") -> Firm:
    return Firm(key, zh, en, segment, city, booth, focus[0], focus[1], about_zh, about_en, foreign, branches, pool)


FIRMS: tuple[Firm, ...] = (
    # 芯 chips
    _firm("chenxin-oms", "长春辰芯光电微系统有限公司", "Changchun Chenxin Opto-Microsystems Co., Ltd.", "chips",
          "长春", "A1-003", ("CMOS图像传感器", "CMOS image sensor"),
          "专注科学级与工业级CMOS图像传感器的设计与量产，产品用于天文观测、机器视觉和医疗影像。",
          "Designs and ships scientific and industrial CMOS image sensors for astronomy, machine vision "
          "and medical imaging.", branches=("上海",)),
    _firm("mingxin-semi", "吉林明芯半导体有限公司", "Jilin Mingxin Semiconductor Co., Ltd.", "chips",
          "长春", "A1-009", ("光电探测器与功率器件", "photodetectors and power devices"),
          "拥有6英寸化合物半导体产线，生产光电探测器、功率器件及激光器芯片。",
          "Runs a 6-inch compound-semiconductor line making photodetectors, power devices and laser chips."),
    _firm("chengwei-ic", "上海澄微集成电路有限公司", "Shanghai Chengwei Integrated Circuits Co., Ltd.", "chips",
          "上海", "A1-021", ("激光雷达SPAD接收芯片", "SPAD receiver chips for LiDAR"),
          "为激光雷达和三维传感提供SPAD阵列与TDC接收芯片，研发中心位于上海张江。",
          "Builds SPAD arrays and TDC receiver chips for LiDAR and 3D sensing; R&D centre in Zhangjiang, "
          "Shanghai.", branches=("长春",)),
    _firm("xinyao-tech", "深圳芯曜科技有限公司", "Shenzhen Xinyao Technology Co., Ltd.", "chips", "深圳",
          "A1-027", ("ToF深度传感芯片", "ToF depth-sensing chips"),
          "研发ToF深度传感芯片与显示驱动芯片，客户覆盖消费电子与机器人行业。",
          "Develops ToF depth-sensing and display-driver chips for consumer electronics and robotics."),
    _firm("guangxin-mems", "长春光芯微纳科技有限公司", "Changchun Guangxin Micro-Nano Technology Co., Ltd.",
          "chips", "长春", "A1-014", ("MEMS微镜", "MEMS micromirrors"),
          "从事MEMS微镜、微光学元件的设计与流片，服务激光投影和激光雷达扫描。",
          "Designs and fabricates MEMS micromirrors and micro-optics for laser projection and LiDAR scanning."),
    _firm("ruixin-ir", "西安锐芯红外探测器有限公司", "Xi'an Ruixin Infrared Detector Co., Ltd.", "chips", "西安",
          "A1-032", ("红外焦平面读出电路", "infrared focal-plane readout circuits"),
          "研制非制冷与制冷红外焦平面探测器及读出电路，产品用于测温、安防和工业检测。",
          "Makes cooled and uncooled infrared focal-plane detectors and readout ICs for thermography, "
          "security and inspection."),
    _firm("meridian-photonic", "子午线光子半导体（上海）有限公司", "Meridian Photonic Semiconductors Inc.",
          "chips", "上海", "A1-001", ("photonic sensor chips", "photonic sensor chips"),
          "美国光子传感芯片企业在华子公司，负责亚太区应用支持与测试。",
          "US maker of photonic sensor chips; its Shanghai subsidiary handles application support and test "
          "for Asia-Pacific.", foreign=True, branches=("深圳",)),
    # 光 optics
    _firm("beichen-laser", "长春北辰激光技术有限公司", "Changchun Beichen Laser Technology Co., Ltd.", "optics",
          "长春", "B1-006", ("工业光纤激光器", "industrial fiber lasers"),
          "国内较早从事光纤激光器研发的企业之一，产品覆盖连续、脉冲及单频光纤激光器。",
          "One of the early Chinese fiber-laser makers: continuous-wave, pulsed and single-frequency fiber "
          "lasers.", branches=("苏州",)),
    _firm("jingheng-instr", "长春精衡光学仪器有限公司", "Changchun Jingheng Optical Instruments Co., Ltd.",
          "optics", "长春", "B2-008", ("光谱与干涉检测仪器", "spectral and interferometric instruments"),
          "生产激光干涉仪、光谱仪和光学检测设备，服务精密制造与科研院所。",
          "Builds laser interferometers, spectrometers and optical test equipment for precision manufacturing "
          "and research."),
    _firm("jinghu-optics", "吉林镜湖光学有限公司", "Jilin Jinghu Optics Co., Ltd.", "optics", "长春", "B2-012",
          ("安防与机器视觉镜头", "security and machine-vision lenses"),
          "年产光学镜头百万余只，产品包括安防镜头、机器视觉镜头和车载镜头。",
          "Ships over a million lenses a year: security, machine-vision and automotive lenses."),
    _firm("tianheng-ir", "长春天衡红外科技有限公司", "Changchun Tianheng Infrared Technology Co., Ltd.",
          "optics", "长春", "B2-019", ("红外热像仪", "thermal imaging cameras"),
          "研发生产红外热像仪、测温模组和红外光学镜头，应用于电力巡检与消防救援。",
          "Develops thermal cameras, temperature-measurement modules and infrared lenses for power-grid "
          "inspection and firefighting."),
    _firm("jiangcheng-ultrafast", "武汉江城超快激光有限公司", "Wuhan Jiangcheng Ultrafast Laser Co., Ltd.",
          "optics", "武汉", "B1-014", ("皮秒与飞秒超快激光器", "picosecond and femtosecond lasers"),
          "专注皮秒、飞秒超快激光器及精密微加工系统，总部位于武汉光谷。",
          "Makes picosecond and femtosecond lasers and precision micromachining systems; headquartered in "
          "Wuhan's Optics Valley."),
    _firm("jingche-optics", "苏州晶澈精密光学有限公司", "Suzhou Jingche Precision Optics Co., Ltd.", "optics",
          "苏州", "B2-025", ("精密光学元件与镀膜", "precision optical components and coatings"),
          "提供球面、非球面透镜、棱镜及光学镀膜加工，服务激光、半导体设备和生命科学客户。",
          "Supplies spherical and aspheric lenses, prisms and optical coatings to laser, semiconductor-"
          "equipment and life-science customers."),
    _firm("hanguang-display", "长春瀚光显示科技有限公司", "Changchun Hanguang Display Technology Co., Ltd.",
          "optics", "长春", "B2-030", ("AR光波导与微显示", "AR waveguides and microdisplays"),
          "研发AR光波导模组与Micro LED微显示器件，面向消费级与工业级头戴设备。",
          "Develops AR waveguide modules and micro-LED microdisplays for consumer and industrial headsets."),
    _firm("shengguang-equip", "长春晟光光电装备有限公司", "Changchun Shengguang Optoelectronic Equipment Co., Ltd.",
          "optics", "长春", "B1-027", ("激光加工装备", "laser processing equipment"),
          "制造激光切割、焊接与清洗装备，为汽车零部件和轨道客车企业提供产线方案。",
          "Builds laser cutting, welding and cleaning machines and production lines for auto-parts and "
          "railway-car makers."),
    _firm("qingjing-space", "北京清镜空间光学有限公司", "Beijing Qingjing Space Optics Co., Ltd.", "optics",
          "北京", "B1-033", ("大口径空间光学系统", "large-aperture space optics"),
          "承担大口径反射镜、空间相机光学系统的设计与研制。",
          "Designs and builds large-aperture mirrors and optical systems for space cameras.",
          branches=("长春",)),
    _firm("kestrel-optics", "凯斯特光学（长春）有限公司", "Kestrel Optics GmbH", "optics", "长春", "B1-002",
          ("laser optics and beam delivery", "laser optics and beam delivery"),
          "德国激光光学与光束传输系统制造商，长春工厂负责装配、测试与亚洲客户服务。",
          "German maker of laser optics and beam-delivery systems; the Changchun plant assembles, tests and "
          "serves customers in Asia.", foreign=True, branches=("苏州",)),
    _firm("yaoguang-photonics", "长春耀光精密光电有限公司", "Changchun Yaoguang Precision Photonics Co., Ltd.",
          "optics", "长春", "B2-037", ("光电经纬仪与跟踪测量系统", "electro-optical tracking systems"),
          "研制光电跟踪测量设备与精密转台，产品用于靶场测量和天文观测。",
          "Builds electro-optical tracking and measurement systems and precision turntables for test ranges "
          "and astronomy."),
    # 星 satellites
    _firm("xingtu-space", "长春星途航天科技有限公司", "Changchun Xingtu Aerospace Technology Co., Ltd.",
          "satellites", "长春", "C1-003", ("商业遥感卫星", "commercial remote-sensing satellites"),
          "从事商业光学遥感卫星的整星研制、发射组网与在轨运营。",
          "Designs, launches and operates commercial optical remote-sensing satellites."),
    _firm("jiguang-rs", "吉林极光遥感数据有限公司", "Jilin Jiguang Remote Sensing Data Co., Ltd.", "satellites",
          "长春", "C1-009", ("遥感数据处理与应用", "remote-sensing data processing and applications"),
          "提供遥感影像生产、智能解译及农业、林业、城市管理行业应用服务。",
          "Produces and interprets satellite imagery for agriculture, forestry and city management.",
          branches=("北京",), pool="satellite_data"),
    _firm("qiongyu-ttc", "长春穹宇测控技术有限公司", "Changchun Qiongyu TT&C Technology Co., Ltd.", "satellites",
          "长春", "C1-014", ("卫星地面站与测运控", "satellite ground stations and TT&C"),
          "建设和运营卫星地面站网络，提供测控、数传接收和运控软件。",
          "Builds and runs a satellite ground-station network: tracking, telemetry, command and data reception.",
          pool="satellite_data"),
    _firm("qinxing-payload", "西安秦星载荷技术有限公司", "Xi'an Qinxing Payload Technology Co., Ltd.",
          "satellites", "西安", "C1-020", ("星载光学与SAR载荷", "spaceborne optical and SAR payloads"),
          "研制星载光学相机、高光谱载荷和SAR载荷电子学设备。",
          "Develops spaceborne optical cameras, hyperspectral payloads and SAR payload electronics."),
    _firm("hongyu-microsat", "北京鸿宇微星科技有限公司", "Beijing Hongyu Microsatellite Technology Co., Ltd.",
          "satellites", "北京", "C1-027", ("微小卫星平台", "small-satellite platforms"),
          "研制百公斤级微小卫星平台与星载综合电子，已有多颗卫星在轨运行。",
          "Builds 100-kg-class small-satellite platforms and avionics, with several satellites in orbit."),
    _firm("zhiwei-nav", "长春知位导航科技有限公司", "Changchun Zhiwei Navigation Technology Co., Ltd.",
          "satellites", "长春", "C1-031", ("北斗高精度定位", "BeiDou high-precision positioning"),
          "提供北斗/GNSS高精度定位板卡、接收机和位置服务平台。",
          "Makes BeiDou/GNSS high-precision positioning boards, receivers and a location-service platform.",
          pool="satellite_data"),
    # 车 automotive
    _firm("chiguang-lighting", "长春驰光车载照明有限公司", "Changchun Chiguang Automotive Lighting Co., Ltd.",
          "automotive", "长春", "D1-004", ("智能车灯", "adaptive automotive lighting"),
          "为主机厂配套LED前照灯、ADB自适应远光和氛围灯系统。",
          "Supplies carmakers with LED headlamps, adaptive driving beams and ambient lighting."),
    _firm("zhigan-lidar", "长春智感激光雷达科技有限公司", "Changchun Zhigan LiDAR Technology Co., Ltd.",
          "automotive", "长春", "D1-011", ("车规级激光雷达", "automotive-grade LiDAR"),
          "研发车规级半固态与固态激光雷达，已获多家主机厂定点。",
          "Develops automotive-grade semi-solid-state and solid-state LiDAR, nominated by several carmakers.",
          branches=("上海",)),
    _firm("ruixing-ad", "长春睿行智能驾驶科技有限公司", "Changchun Ruixing Intelligent Driving Co., Ltd.",
          "automotive", "长春", "D1-017", ("智能驾驶域控制器", "ADAS domain controllers"),
          "提供L2+智能驾驶域控制器、感知融合算法与泊车系统。",
          "Provides L2+ driving domain controllers, sensor-fusion software and parking systems."),
    _firm("shichi-optics", "上海视驰车载光学有限公司", "Shanghai Shichi Automotive Optics Co., Ltd.",
          "automotive", "上海", "D1-024", ("车载摄像头与HUD", "automotive cameras and HUDs"),
          "生产车载摄像头模组与AR-HUD光学系统，在长春设有配套工厂。",
          "Makes automotive camera modules and AR-HUD optics, with a supply plant in Changchun.",
          branches=("长春",)),
    _firm("ruihang-ae", "长春瑞航汽车电子有限公司", "Changchun Ruihang Automotive Electronics Co., Ltd.",
          "automotive", "长春", "D1-029", ("车身与电池管理电子", "body and battery-management electronics"),
          "开发车身控制器、电池管理系统和热管理控制器，配套新能源整车。",
          "Develops body controllers, battery-management and thermal-management controllers for EVs."),
    _firm("pengcheng-cockpit", "深圳鹏程智能座舱科技有限公司", "Shenzhen Pengcheng Smart Cockpit Co., Ltd.",
          "automotive", "深圳", "D1-035", ("智能座舱显示", "smart-cockpit displays"),
          "研发车载显示屏、座舱域控和光场显示系统。",
          "Develops in-car displays, cockpit domain controllers and light-field displays."),
    # 网 networks
    _firm("hanguang-xunlian", "武汉汉光讯联科技有限公司", "Wuhan Hanguang Xunlian Technology Co., Ltd.",
          "networks", "武汉", "E1-003", ("数据中心光模块", "data-centre optical transceivers"),
          "专业从事100G至800G光模块及光器件的研发与制造。",
          "Designs and manufactures 100G to 800G optical transceivers and components."),
    _firm("jiwang-comm", "长春吉网光通信工程有限公司", "Changchun Jiwang Optical Communication Engineering Co., Ltd.",
          "networks", "长春", "E1-009", ("光纤接入与通信工程", "fiber access and telecom engineering"),
          "承接运营商FTTH光纤接入、5G传输配套及园区网络工程。",
          "Builds FTTH access, 5G transport and campus networks for operators.",
          pool="network_services"),
    _firm("suguang-link", "深圳速光互连科技有限公司", "Shenzhen Suguang Interconnect Technology Co., Ltd.",
          "networks", "深圳", "E1-013", ("硅光与高速光互连", "silicon photonics and high-speed interconnects"),
          "研发硅光引擎、400G/800G光模块和有源光缆。",
          "Develops silicon-photonics engines, 400G/800G transceivers and active optical cables."),
    _firm("xiancheng-sensing", "苏州纤诚光纤传感技术有限公司", "Suzhou Xiancheng Fiber Sensing Technology Co., Ltd.",
          "networks", "苏州", "E1-018", ("分布式光纤传感", "distributed fiber-optic sensing"),
          "提供分布式光纤测温、振动监测系统，应用于管廊、油气管道与周界安防。",
          "Provides distributed fiber temperature and vibration sensing for utility tunnels, pipelines and "
          "perimeter security."),
    _firm("yunqi-data", "长春云启数据科技有限公司", "Changchun Yunqi Data Technology Co., Ltd.", "networks",
          "长春", "E1-022", ("工业互联网平台", "industrial internet platforms"),
          "为光电制造企业提供工业互联网平台、MES系统与数据中台。",
          "Builds industrial-internet platforms, MES and data platforms for optoelectronics manufacturers.",
          pool="network_services"),
    _firm("northgate-optical", "诺斯盖特光网络（深圳）有限公司", "Northgate Optical Networks Ltd.", "networks",
          "深圳", "E1-001", ("coherent optical transport", "coherent optical transport"),
          "英国相干光传输设备厂商，深圳公司负责研发支持和华南区客户服务。",
          "British maker of coherent optical transport equipment; the Shenzhen office supports R&D and "
          "customers in South China.", foreign=True, branches=("上海",)),
    # institutes, universities and services
    _firm("jlu-ot", "吉林光电技术大学", "Jilin University of Optoelectronic Technology", "other", "长春",
          "F1-003", ("光学工程学科", "optical engineering"),
          "以光学工程、仪器科学为特色的理工科大学，设有光电工程学院与空间光电技术研究院。",
          "An engineering university known for optical engineering and instrument science.",
          pool="university"),
    _firm("ciaot", "长春光电先进技术研究院", "Changchun Institute of Advanced Optoelectronic Technology",
          "other", "长春", "F1-008", ("先进光电技术", "advanced optoelectronics"),
          "面向产业的新型研发机构，开展激光、光学制造与光电检测的共性技术研究与成果转化。",
          "An industry-oriented research institute for laser, optical-manufacturing and photonic-metrology "
          "technology and its transfer."),
    _firm("jpic", "吉林省光子集成创新中心", "Jilin Photonic Integration Innovation Center", "other", "长春",
          "F1-012", ("光子集成芯片中试", "photonic-integrated-circuit pilot production"),
          "建设光子集成芯片中试线，为高校和企业提供设计、流片与封装测试服务。",
          "Runs a photonic-integrated-circuit pilot line offering design, fabrication, packaging and test."),
    _firm("guangbo-talent", "长春光博人才服务有限公司", "Changchun Guangbo Talent Services Co., Ltd.", "other",
          "长春", "F1-016", ("光电行业人才服务", "talent services for the photonics industry"),
          "为光电企业提供招聘外包、猎头和人才测评服务。",
          "Recruitment outsourcing, executive search and assessment for photonics firms.",
          pool="services"),
    _firm("guangce-metrology", "上海光测计量检测技术有限公司", "Shanghai Guangce Metrology & Testing Co., Ltd.",
          "other", "上海", "F1-021", ("光电产品检测认证", "testing and certification of photonic products"),
          "CNAS认可实验室，提供激光安全、光学性能与环境可靠性检测。",
          "A CNAS-accredited lab for laser safety, optical performance and environmental reliability tests.",
          branches=("长春",), pool="services"),
)

# Two firms that register at the fair and wait for staff approval (not part of the job table).
PENDING_FIRMS: tuple[Firm, ...] = (
    _firm("xinlei-oe", "长春新镭光电科技有限公司", "Changchun Xinlei Optoelectronics Co., Ltd.", "optics", "长春",
          "B1-041", ("半导体激光器模块", "diode-laser modules"),
          "初创企业，研发高功率半导体激光器泵浦模块和激光医疗光源。",
          "A start-up building high-power diode-laser pump modules and medical laser sources."),
    _firm("chenxing-sat", "长春晨星微纳卫星科技有限公司", "Changchun Chenxing Nanosatellite Technology Co., Ltd.",
          "satellites", "长春", "C1-036", ("立方星", "CubeSats"),
          "研制立方星平台与星载小型化载荷，为高校提供教学科研卫星。",
          "Builds CubeSat platforms and miniature payloads, including teaching satellites for universities."),
)


@dataclass(frozen=True)
class JobTemplate:
    titles: tuple[tuple[str, str], ...]  # (title, English title) variants
    duties: tuple[str, ...]  # 岗位职责 items; {focus} is the firm's line of business
    skills: tuple[str, ...]  # 任职要求 items
    majors: tuple[str, ...]
    education: tuple[str, ...]  # the degrees a firm may ask for
    salary: tuple[int, int] | None  # CNY per month in Changchun; None: 面议
    job_type: str = "full_time"
    headcount: tuple[int, int] = (1, 3)
    plus: tuple[str, ...] = ()  # 优先 items
    senior: bool = False  # may be posted as 高级 / Senior


def _tpl(titles: str, duties: str, skills: str, majors: str, education: str, salary: tuple[int, int] | None,
         job_type: str = "full_time", headcount: tuple[int, int] = (1, 3), plus: str = "",
         senior: bool = False) -> JobTemplate:
    """Compact form: titles ``zh=en|zh=en``, lists separated by ``|``, education by spaces."""
    pairs = tuple((zh, en) for zh, en in (pair.split("=", 1) for pair in titles.split("|")))
    return JobTemplate(
        titles=pairs,
        duties=tuple(duties.split("|")),
        skills=tuple(skills.split("|")),
        majors=tuple(majors.split("|")),
        education=tuple(education.split()),
        salary=salary,
        job_type=job_type,
        headcount=headcount,
        plus=tuple(plus.split("|")) if plus else (),
        senior=senior,
    )


# Shared by the firms of every segment.
SALES = _tpl(
    "销售工程师=Sales Engineer|区域销售经理=Regional Sales Manager|大客户经理=Key Account Manager",
    "负责{focus}相关产品在所辖区域的市场开拓与客户维护，完成年度销售目标|挖掘客户需求，组织技术交流与产品演示，"
    "推动项目立项|负责商务谈判、合同签订与回款跟踪|收集行业与竞品信息，为产品规划提供市场反馈|"
    "参加行业展会与技术研讨会，维护渠道与代理商关系",
    "具备一定的光电或电子技术背景，能够理解产品技术参数|有工业品或技术型销售经验|具备良好的沟通表达和商务谈判能力|"
    "能适应较频繁的出差|持有C1驾照",
    "光电信息科学与工程|电子信息工程|机械工程|市场营销|国际经济与贸易",
    "any associate bachelor", (8000, 16000), headcount=(2, 5),
    plus="有光电行业客户资源者优先|英语可作为工作语言者优先",
)
HR = _tpl(
    "人力资源专员=HR Specialist|招聘专员=Recruitment Specialist|人力资源专员（薪酬绩效）=HR Specialist "
    "(Compensation & Performance)",
    "负责研发、生产岗位的招聘渠道维护、简历筛选与面试安排|组织校园招聘和招聘会现场工作|办理员工入职、转正、离职手续，"
    "维护人事档案|协助完成薪酬核算、社保公积金缴纳与绩效考核|组织新员工培训与企业文化活动",
    "熟悉国家及地方劳动法律法规|熟练使用Office办公软件及人力资源信息系统|做事细致，有较强的保密意识|"
    "具备良好的沟通协调能力",
    "人力资源管理|工商管理|心理学|行政管理",
    "any bachelor", (5000, 8000), headcount=(1, 2),
)
ADMIN = _tpl(
    "行政专员=Administrative Specialist|行政前台=Receptionist",
    "负责办公环境维护、会议室及来访接待|负责办公用品采购与固定资产管理|协助组织公司会议、团建及展会后勤|"
    "处理日常公文收发与档案管理",
    "熟练使用办公软件|形象端正，服务意识强|做事有条理，责任心强",
    "行政管理|文秘|工商管理",
    "any associate", (4000, 6000), headcount=(1, 1),
)
EMBEDDED = _tpl(
    "嵌入式软件工程师=Embedded Software Engineer|嵌入式软件工程师（Linux）=Embedded Software Engineer (Linux)|"
    "嵌入式软件工程师（RTOS）=Embedded Software Engineer (RTOS)",
    "负责{focus}相关产品的嵌入式软件设计、编码与调试|完成底层驱动（SPI、I2C、UART、以太网等）开发与移植|"
    "参与系统架构设计，编写软件需求与设计文档|配合硬件、算法团队完成联调与问题定位|负责软件单元测试与版本管理",
    "熟练掌握C/C++语言与数据结构|熟悉ARM Cortex系列处理器或嵌入式Linux开发|熟悉FreeRTOS、RT-Thread等实时操作系统之一|"
    "能够熟练使用示波器、逻辑分析仪等调试工具|了解Git与持续集成流程",
    "计算机科学与技术|电子信息工程|自动化|通信工程|软件工程",
    "bachelor master", (10000, 18000), senior=True,
    plus="有Bootloader、OTA升级开发经验者优先|有光电设备嵌入式开发经验者优先",
)
FPGA = _tpl(
    "FPGA工程师=FPGA Engineer|FPGA工程师（图像处理）=FPGA Engineer (Image Processing)|"
    "FPGA工程师（高速接口）=FPGA Engineer (High-Speed Interfaces)",
    "负责{focus}相关FPGA逻辑的方案设计、编码、仿真与时序收敛|实现图像采集、预处理及高速数据传输逻辑|"
    "调试DDR、PCIe、千兆/万兆以太网、Camera Link等接口|编写设计与测试文档，配合软件和硬件完成系统联调",
    "熟练使用Verilog/VHDL|熟悉Xilinx或Intel FPGA开发工具（Vivado、Quartus）|能够进行时序约束与静态时序分析|"
    "熟悉常用仿真工具（ModelSim、VCS）|具备阅读英文芯片手册的能力",
    "电子科学与技术|微电子学|通信工程|光电信息科学与工程|电子信息工程",
    "bachelor master", (12000, 22000), senior=True,
    plus="有国产FPGA平台开发经验者优先|有图像处理算法硬件实现经验者优先",
)
HARDWARE = _tpl(
    "硬件工程师=Hardware Engineer|电子工程师=Electronics Engineer|硬件工程师（电源）=Hardware Engineer (Power)",
    "负责{focus}相关产品电路原理图设计与PCB布局评审|完成器件选型、BOM维护与成本优化|负责样机调试、信号完整性与EMC问题整改|"
    "编写硬件设计说明与测试报告|支持生产导入与售后硬件问题分析",
    "熟悉模拟、数字电路设计|熟练使用Altium Designer或Cadence|熟悉常用电源拓扑与高速信号设计规则|能熟练使用示波器、频谱仪等仪器",
    "电子信息工程|电子科学与技术|通信工程|自动化",
    "bachelor master", (10000, 18000), senior=True,
    plus="有高速数字电路或低噪声模拟电路设计经验者优先",
)
PRODUCT = _tpl(
    "产品经理=Product Manager|产品经理（光电产品）=Product Manager (Photonic Products)",
    "负责{focus}相关产品线的市场调研、竞品分析和产品规划|编写产品需求文档，协调研发、生产和销售推进项目|"
    "制定产品定价、上市计划与推广材料|跟踪产品生命周期数据，持续改进产品竞争力",
    "具备光电、电子相关技术背景|3年以上研发或产品管理经验|逻辑清晰，有较强的跨部门沟通能力|英语读写熟练",
    "光电信息科学与工程|光学工程|电子信息工程|工商管理",
    "bachelor master", (12000, 22000),
)
QUALITY = _tpl(
    "质量工程师=Quality Engineer|供应商质量工程师（SQE）=Supplier Quality Engineer (SQE)|"
    "质量体系工程师=Quality System Engineer",
    "负责{focus}相关产品来料、过程和出货检验标准的制定与执行|组织质量问题的8D分析与纠正预防措施|"
    "维护ISO 9001质量管理体系，配合内外部审核|开展供应商审核与绩效评价",
    "熟悉质量管理体系和常用质量工具（FMEA、SPC、MSA）|具备一定的光学或电子产品检验知识|能够独立撰写质量分析报告",
    "质量管理工程|机械工程|测控技术与仪器|光电信息科学与工程",
    "associate bachelor", (7000, 12000),
    plus="有内审员资格证书者优先",
)
CAMPUS_RD = _tpl(
    "2026届校园招聘-研发工程师=Campus Hire 2026 - R&D Engineer|2026届校招-光电研发工程师=Campus Hire 2026 - "
    "Optoelectronics R&D Engineer|校招-硬件研发工程师（2026届）=Campus Hire - Hardware R&D Engineer (Class of 2026)",
    "参加公司研发轮岗培养计划，在导师指导下参与{focus}相关产品研发|承担模块级设计、仿真、实验与测试工作|"
    "整理实验数据，撰写技术文档|参与技术评审与专利撰写",
    "2026届毕业生，成绩优良|专业基础扎实，有课题或竞赛经历|具备较强的学习能力和动手能力|英语六级",
    "光学工程|光电信息科学与工程|电子科学与技术|物理学|仪器科学与技术",
    "bachelor master phd", (8000, 15000), job_type="campus", headcount=(3, 10),
    plus="获得全国大学生光电设计竞赛等奖项者优先",
)
CAMPUS_MT = _tpl(
    "管培生（2026届校招）=Management Trainee (Class of 2026)|2026届校招-技术营销管培生=Campus Hire 2026 - "
    "Technical Marketing Trainee",
    "参加为期一年的轮岗培养，依次在研发、生产、市场与销售部门实践|参与{focus}业务的项目管理与客户服务|"
    "协助完成市场分析与经营数据整理|轮岗结束后根据个人意向和表现定岗",
    "2026届毕业生|担任过学生干部或有社会实践经历|表达能力强，具有团队意识|能够接受外地出差与轮岗",
    "光电信息科学与工程|工商管理|市场营销|电子信息工程",
    "bachelor master", (7000, 11000), job_type="campus", headcount=(3, 8),
)
INTERN_RD = _tpl(
    "研发实习生=R&D Intern|光电研发实习生=Optoelectronics R&D Intern|测试实习生=Test Intern",
    "协助工程师完成{focus}相关的实验搭建、数据采集与分析|参与样机测试与测试报告编写|整理技术资料与文献调研|参与部门技术分享",
    "在校学生|能保证每周4天以上、连续3个月以上实习|掌握MATLAB或Python等至少一种工具|动手能力强，认真细致",
    "光学工程|光电信息科学与工程|电子信息工程|物理学|计算机科学与技术",
    "associate bachelor master", (3000, 5000), job_type="internship", headcount=(2, 6),
    plus="表现优秀者可获得校招录用机会",
)
INTERN_BIZ = _tpl(
    "市场实习生=Marketing Intern|人力资源实习生=HR Intern",
    "协助整理市场与客户资料，参与展会筹备|协助撰写产品宣传文案与新媒体内容|协助完成招聘会现场组织与候选人沟通|完成部门安排的其他工作",
    "在校学生，每周可实习3天以上|文字功底好，熟练使用办公软件|性格开朗，沟通能力强",
    "市场营销|人力资源管理|新闻传播|工商管理",
    "associate bachelor", (2500, 4000), job_type="internship", headcount=(1, 3),
)

SHARED = (SALES, HR, ADMIN, EMBEDDED, FPGA, HARDWARE, PRODUCT, QUALITY, CAMPUS_RD, CAMPUS_MT, INTERN_RD, INTERN_BIZ)

CHIPS = (
    _tpl(
        "CMOS图像传感器模拟设计工程师=CMOS Image Sensor Analog Design Engineer|像素电路设计工程师=Pixel Circuit "
        "Design Engineer|ADC设计工程师（图像传感器）=ADC Design Engineer (Image Sensors)",
        "负责{focus}模拟电路设计，包括像素阵列、列级ADC、PGA、带隙基准与LDO|完成电路仿真、蒙特卡洛与PVT角分析|"
        "指导版图设计并完成后仿真|参与芯片测试方案制定与测试数据分析|与工艺厂沟通像素工艺与器件模型",
        "熟悉CMOS模拟集成电路设计流程|熟练使用Cadence Virtuoso、Spectre等EDA工具|了解图像传感器噪声、暗电流、动态范围等指标|"
        "有完整流片经验|具备扎实的半导体器件物理基础",
        "微电子学与固体电子学|集成电路设计与集成系统|电子科学与技术|物理电子学",
        "master phd", (20000, 38000), senior=True,
        plus="有科学级或背照式CMOS图像传感器项目经验者优先|有高速高精度ADC设计经验者优先",
    ),
    _tpl(
        "数字IC设计工程师=Digital IC Design Engineer|数字前端设计工程师=Digital Front-End Design Engineer",
        "负责{focus}芯片数字模块的架构设计与RTL编码|完成时序控制、图像数据通路与高速接口（MIPI、LVDS）设计|"
        "进行综合、形式验证与静态时序分析|配合验证团队完成功能覆盖率收敛|参与FPGA原型验证与芯片回片调试",
        "熟练掌握Verilog/SystemVerilog|熟悉Design Compiler、PrimeTime等工具|熟悉低功耗设计方法|有一次以上完整流片经验",
        "微电子学|集成电路设计与集成系统|电子科学与技术|计算机科学与技术",
        "bachelor master", (18000, 32000), senior=True,
        plus="有MIPI CSI-2或SerDes设计经验者优先",
    ),
    _tpl(
        "数字IC验证工程师=Digital IC Verification Engineer|芯片验证工程师=Chip Verification Engineer",
        "根据设计规格制定验证计划与测试点|基于UVM搭建模块级和芯片级验证环境|编写测试用例、断言与功能覆盖率模型|"
        "定位并跟踪设计缺陷直至关闭|参与后仿真与回片测试向量开发",
        "熟悉SystemVerilog与UVM验证方法学|熟练使用VCS、Verdi等工具|掌握Python或Perl脚本语言|具备良好的问题分析能力",
        "微电子学|集成电路设计与集成系统|电子信息工程|计算机科学与技术",
        "bachelor master", (16000, 28000),
    ),
    _tpl(
        "模拟版图设计工程师=Analog Layout Engineer|版图设计工程师=IC Layout Engineer",
        "负责{focus}芯片模拟及混合信号模块的版图设计|完成DRC、LVS、天线效应等物理验证|与电路设计工程师配合优化匹配、寄生与噪声|"
        "参与整芯片集成与流片数据交付",
        "熟练使用Virtuoso、Calibre等版图工具|了解CMOS工艺和版图匹配、隔离方法|工作细致严谨",
        "微电子学|电子科学与技术|电子信息工程",
        "associate bachelor master", (10000, 20000),
    ),
    _tpl(
        "半导体工艺工程师=Semiconductor Process Engineer|光刻工艺工程师=Photolithography Process Engineer|"
        "刻蚀工艺工程师=Etch Process Engineer",
        "负责{focus}产线相关工艺段的工艺开发、调试与稳定性维护|制定工艺规范与作业指导书|分析良率数据，推动工艺改善|"
        "配合设备工程师完成新机台验收与工艺导入|处理产线异常并组织原因分析",
        "熟悉半导体器件物理与微纳加工工艺|具备洁净间工作经验|能够使用SPC、DOE等方法分析数据|能适应倒班",
        "微电子学|材料科学与工程|物理学|化学|电子科学与技术",
        "bachelor master", (10000, 18000), senior=True,
        plus="有化合物半导体或MEMS工艺经验者优先",
    ),
    _tpl(
        "芯片测试工程师=Chip Test Engineer|ATE测试工程师=ATE Test Engineer|光电芯片测试工程师=Photonic Chip Test "
        "Engineer",
        "负责{focus}芯片的测试方案制定与测试程序开发|搭建实验室测试平台，完成芯片性能与可靠性测试|分析测试数据，输出测试报告|"
        "支持量产测试导入与良率分析",
        "熟悉半导体测试原理和常用测试仪器|有ATE（93K、J750等）使用经验|掌握LabVIEW或Python测试脚本开发|能阅读英文规格书",
        "电子科学与技术|微电子学|测控技术与仪器|光电信息科学与工程",
        "bachelor master", (10000, 18000),
    ),
    _tpl(
        "ISP图像算法工程师=ISP Image Algorithm Engineer|图像质量调优工程师=Image Quality Tuning Engineer",
        "负责{focus}配套ISP图像处理算法的研究与实现，包括降噪、去马赛克、HDR合成和色彩校正|完成算法C模型与定点化|"
        "配合芯片团队进行硬件实现与效果验证|负责客户模组的图像质量调优",
        "熟悉数字图像处理理论|熟练使用C/C++和Python|了解图像传感器成像原理|具备良好的数学基础",
        "信号与信息处理|计算机科学与技术|光学工程|电子信息工程",
        "master phd", (18000, 30000), senior=True,
    ),
    _tpl(
        "FAE现场应用工程师=Field Application Engineer (FAE)|技术支持工程师=Technical Support Engineer",
        "为客户提供{focus}产品的选型建议、方案设计与调试支持|处理客户现场技术问题并反馈研发|编写应用笔记、参考设计与培训材料|"
        "配合销售完成技术交流与项目推进",
        "具备扎实的电路或光电基础|有较强的沟通表达能力和客户服务意识|能适应出差|英语读写熟练",
        "电子信息工程|光电信息科学与工程|微电子学|通信工程",
        "bachelor master", (11000, 20000),
    ),
    _tpl(
        "洁净间设备技术员=Cleanroom Equipment Technician|设备维护技术员=Equipment Maintenance Technician",
        "负责{focus}产线设备的日常点检、保养与故障处理|记录设备运行参数，维护设备履历|配合工程师完成设备改造与备件管理|"
        "遵守洁净间管理与安全规范",
        "具备机电基础知识，会使用常用维修工具|能适应倒班工作|有半导体或电子厂设备维护经验者优先",
        "机电一体化|电气自动化|机械制造与自动化",
        "any associate", (5500, 8500), headcount=(2, 5),
    ),
    EMBEDDED, FPGA, SALES, HR, QUALITY, CAMPUS_RD, INTERN_RD,
    _tpl(
        "IC设计实习生=IC Design Intern|模拟IC设计实习生=Analog IC Design Intern",
        "参与{focus}模块电路的仿真与验证|协助整理设计文档和仿真报告|参与芯片测试数据分析",
        "微电子、集成电路相关专业在读研究生|熟悉Cadence或Verilog基本使用|每周实习4天以上，实习期3个月以上",
        "微电子学|集成电路设计与集成系统",
        "master", (4000, 6000), job_type="internship", headcount=(2, 4),
    ),
)

OPTICS = (
    _tpl(
        "激光器研发工程师=Laser R&D Engineer|光纤激光器研发工程师=Fiber Laser R&D Engineer|超快激光器研发工程师="
        "Ultrafast Laser R&D Engineer|半导体激光器研发工程师=Diode Laser R&D Engineer",
        "负责{focus}的光路设计、器件选型与整机方案设计|搭建实验平台，完成激光器功率、光束质量、脉冲特性等参数测试|"
        "分析并解决非线性效应、热管理与可靠性问题|编写设计文档，指导工艺与生产导入|跟踪国内外激光技术发展，参与新产品预研",
        "熟悉激光原理、非线性光学和光纤光学|具备激光器搭建与调试经验|熟练使用常用光学测试仪器（光谱仪、功率计、光束分析仪）|"
        "能够使用MATLAB或Python进行数据处理与仿真",
        "光学工程|物理电子学|光电信息科学与工程|物理学",
        "master phd", (15000, 30000), senior=True,
        plus="有千瓦级光纤激光器或飞秒激光器研制经验者优先|发表过高水平学术论文者优先",
    ),
    _tpl(
        "光学设计工程师=Optical Design Engineer|镜头设计工程师=Lens Design Engineer|照明光学设计工程师=Illumination "
        "Optics Design Engineer",
        "负责{focus}的光学系统设计，包括初始结构选型、优化与像质评价|完成公差分析与敏感度分析，输出光学图纸|"
        "与结构工程师配合完成光机一体化设计|跟进样品试制、装调与检测，解决成像质量问题|编写设计说明书与检验规范",
        "熟练使用Zemax、Code V或LightTools|掌握几何光学、像差理论与光学材料知识|能独立完成光学系统从设计到检测的全流程|"
        "具备良好的英文文献阅读能力",
        "光学工程|光电信息科学与工程|测控技术与仪器|物理学",
        "bachelor master phd", (12000, 25000), senior=True,
        plus="有车载镜头、红外镜头或大口径反射系统设计经验者优先",
    ),
    _tpl(
        "光机结构工程师=Opto-Mechanical Engineer|精密机械设计工程师=Precision Mechanical Design Engineer",
        "负责{focus}产品的光机结构设计与三维建模|完成镜片支撑、调焦及热稳定性设计|进行有限元仿真与热分析|"
        "编制二维工程图与装配工艺|跟踪零件加工与整机装调",
        "熟练使用SolidWorks或Creo等三维设计软件|掌握公差配合与精密机械设计知识|会使用ANSYS等仿真软件|了解光学装调工艺",
        "机械设计制造及其自动化|光学工程|测控技术与仪器|飞行器设计与工程",
        "bachelor master", (10000, 20000), senior=True,
    ),
    _tpl(
        "光学工艺工程师=Optical Process Engineer|光学镀膜工艺工程师=Optical Coating Process Engineer|"
        "光学冷加工工艺工程师=Optical Fabrication Process Engineer",
        "负责{focus}相关光学零件加工或镀膜工艺的开发与优化|制定工艺流程和作业指导书|分析加工缺陷与良率数据，推动工艺改进|"
        "培训一线操作人员|配合研发完成新产品试制",
        "熟悉光学零件研磨、抛光或真空镀膜工艺|会使用干涉仪、分光光度计等检测设备|能够运用统计方法分析工艺数据",
        "光学工程|材料科学与工程|光电信息科学与工程|材料物理",
        "associate bachelor master", (8000, 15000),
        plus="熟悉TFCalc、Essential Macleod等膜系设计软件者优先",
    ),
    _tpl(
        "光学检测工程师=Optical Metrology Engineer|光学测试工程师=Optical Test Engineer",
        "负责{focus}产品的光学性能检测方案制定与实施|使用干涉仪、MTF测试仪、光谱仪等设备完成检测|开发自动化检测工装与软件|"
        "分析检测数据，输出检测报告",
        "熟悉光学检测原理和常用检测设备|具备一定的编程能力（LabVIEW、Python或C#）|工作细致，数据意识强",
        "测控技术与仪器|光学工程|光电信息科学与工程",
        "bachelor master", (9000, 16000),
    ),
    _tpl(
        "图像处理算法工程师=Image Processing Algorithm Engineer|红外图像算法工程师=Infrared Image Algorithm Engineer|"
        "机器视觉算法工程师=Machine Vision Algorithm Engineer",
        "负责{focus}相关图像处理算法的研究与开发，包括非均匀性校正、降噪、增强与目标检测|完成算法在嵌入式平台的移植与优化|"
        "建立算法评价数据集与测试流程|跟踪前沿算法并推动产品化",
        "熟悉数字图像处理和计算机视觉理论|熟练使用C++与OpenCV|了解深度学习框架（PyTorch）及模型部署|数学基础扎实",
        "模式识别与智能系统|计算机科学与技术|信号与信息处理|光学工程",
        "master phd", (15000, 28000), senior=True,
    ),
    _tpl(
        "光学装调技术员=Optical Alignment Technician|激光器装配技术员=Laser Assembly Technician",
        "按照工艺文件完成{focus}产品的装配、调试与检验|使用自准直仪、干涉仪等设备完成光路调整|记录生产数据，反馈质量问题|"
        "维护工装设备与5S现场",
        "视力良好，动手能力强|能适应洁净车间和倒班工作|有光学装调或电子装配经验者优先",
        "光电技术应用|光学制造|机电一体化",
        "any associate", (5000, 8000), headcount=(3, 8),
    ),
    _tpl(
        "激光应用工程师=Laser Application Engineer|激光工艺工程师=Laser Process Engineer",
        "负责{focus}在切割、焊接、打标及微加工领域的工艺开发|为客户完成打样测试并出具工艺报告|参与激光加工装备的调试与验收|"
        "收集客户需求，协助产品改进",
        "了解激光加工原理与材料特性|有激光加工设备操作与调试经验|能适应出差",
        "光电信息科学与工程|材料成型及控制工程|机械工程",
        "associate bachelor master", (9000, 16000),
    ),
    _tpl(
        "光学工程师（2026届校招）=Optical Engineer (Campus Hire 2026)|激光工程师（2026届校招）=Laser Engineer "
        "(Campus Hire 2026)",
        "在导师带领下参与{focus}的光学设计、实验与测试|参与新产品预研与技术攻关|完成实验记录与技术总结",
        "2026届硕士或博士毕业生|光学或激光方向课题经历|熟悉Zemax或MATLAB|英语六级",
        "光学工程|光学|物理电子学|光电信息科学与工程",
        "master phd", (12000, 20000), job_type="campus", headcount=(2, 6),
    ),
    _tpl(
        "光学设计实习生=Optical Design Intern|激光实验实习生=Laser Lab Intern",
        "协助完成{focus}相关光学设计仿真与实验|整理测试数据与实验记录|参与文献调研",
        "光学相关专业在读学生|熟悉Zemax或MATLAB基本操作|每周可实习4天以上",
        "光学工程|光电信息科学与工程|物理学",
        "bachelor master", (3000, 5000), job_type="internship", headcount=(1, 4),
    ),
    FPGA, EMBEDDED, HARDWARE, SALES, HR, PRODUCT, QUALITY, CAMPUS_RD, INTERN_RD, CAMPUS_MT,
)

SATELLITES = (
    _tpl(
        "卫星载荷工程师=Satellite Payload Engineer|光学载荷工程师=Optical Payload Engineer|"
        "高光谱载荷工程师=Hyperspectral Payload Engineer",
        "负责{focus}相关载荷的方案论证、指标分解与总体设计|完成载荷与卫星平台的机、电、热接口协调|"
        "组织载荷研制过程中的测试、环境试验与定标|编写载荷设计报告、接口文件与试验大纲|参与在轨测试与数据质量评估",
        "熟悉空间光学遥感相机或光谱载荷工作原理|了解航天产品研制流程与质量要求|具备较强的系统思维与协调能力|能适应靶场与试验出差",
        "光学工程|飞行器设计与工程|仪器科学与技术|电子科学与技术",
        "master phd", (14000, 26000), senior=True,
        plus="有型号研制经历者优先",
    ),
    _tpl(
        "卫星总体设计工程师=Satellite System Design Engineer|卫星总体工程师=Spacecraft Systems Engineer",
        "负责卫星总体方案设计，完成轨道、构型、能源与链路预算|编制总体技术要求与接口控制文件|协调各分系统研制进度与技术状态|"
        "组织大型试验与发射场工作",
        "熟悉卫星系统工程和航天器设计方法|熟练使用STK等轨道分析软件|有较强的文档撰写与沟通能力",
        "飞行器设计与工程|航空宇航科学与技术|力学|电子信息工程",
        "master phd", (15000, 28000), senior=True,
    ),
    _tpl(
        "姿轨控工程师=AOCS Engineer|姿态控制算法工程师=Attitude Control Algorithm Engineer",
        "负责卫星姿态与轨道控制系统方案设计与控制算法开发|完成数学仿真与半物理仿真验证|参与星敏感器、飞轮、磁力矩器等部件选型与测试|"
        "支持在轨姿控性能分析与故障处置",
        "掌握自动控制原理与航天器姿态动力学|熟练使用MATLAB/Simulink|具备C语言嵌入式编程能力",
        "控制科学与工程|飞行器设计与工程|导航、制导与控制",
        "master phd", (15000, 26000),
    ),
    _tpl(
        "星载电子工程师=Spaceborne Electronics Engineer|星务计算机硬件工程师=On-Board Computer Hardware Engineer",
        "负责星载综合电子、电源控制或数传设备的电路设计|完成宇航级器件选型、降额与可靠性分析|开展单机测试与环境试验|"
        "编写产品技术文档与数据包",
        "熟悉数字电路与模拟电路设计|了解宇航元器件及抗辐射设计|熟练使用Altium或Cadence",
        "电子科学与技术|电子信息工程|通信工程|微电子学",
        "bachelor master", (12000, 22000), senior=True,
    ),
    _tpl(
        "遥感图像处理工程师=Remote Sensing Image Processing Engineer|遥感算法工程师=Remote Sensing Algorithm Engineer|"
        "遥感数据产品工程师=Remote Sensing Data Product Engineer",
        "负责{focus}相关遥感影像的辐射校正、几何校正与正射处理算法开发|研发影像融合、变化检测与地物分类算法|"
        "优化数据处理流水线性能|参与行业应用项目的技术实施",
        "熟悉遥感原理与摄影测量|熟练使用Python或C++，了解GDAL等开源库|熟悉深度学习在遥感中的应用|有海量数据处理经验者优先",
        "遥感科学与技术|测绘工程|地理信息科学|计算机科学与技术",
        "bachelor master phd", (11000, 22000), senior=True,
    ),
    _tpl(
        "测运控工程师=TT&C Operations Engineer|卫星运控工程师=Satellite Operations Engineer",
        "负责在轨卫星的日常测控、任务规划与指令编排|监视卫星遥测数据，及时处置异常|维护地面站设备与运控软件|编写运行日志与在轨管理报告",
        "了解卫星测控原理与地面站组成|工作认真细致，能适应轮班值守|具备一定的编程能力（Python或Shell）",
        "通信工程|飞行器设计与工程|电子信息工程|自动化",
        "bachelor master", (9000, 15000), headcount=(2, 4),
    ),
    _tpl(
        "热控工程师=Thermal Control Engineer|航天器热设计工程师=Spacecraft Thermal Design Engineer",
        "负责卫星整星及载荷的热控方案设计与热分析|完成热仿真模型建立与在轨温度预示|组织热平衡试验并分析试验数据|编写热控设计报告",
        "掌握传热学与航天器热控技术|熟练使用Thermal Desktop、NX TMG或类似软件|具备试验数据分析能力",
        "工程热物理|飞行器设计与工程|能源与动力工程",
        "master phd", (13000, 22000),
    ),
    _tpl(
        "GNSS定位算法工程师=GNSS Positioning Algorithm Engineer|北斗高精度算法工程师=BeiDou High-Precision "
        "Algorithm Engineer",
        "负责{focus}产品的RTK、PPP定位算法研发与优化|研究多系统多频点融合及组合导航算法|完成算法嵌入式移植与实测验证|"
        "分析外场测试数据，持续提升定位可靠性",
        "熟悉GNSS定位原理与误差模型|熟练使用C/C++|掌握卡尔曼滤波等估计方法|有惯导组合导航经验者优先",
        "导航、制导与控制|大地测量学与测量工程|测绘工程|信号与信息处理",
        "master phd", (15000, 28000), senior=True,
    ),
    _tpl(
        "航天器AIT工程师=Spacecraft AIT Engineer|卫星总装测试工程师=Satellite Integration & Test Engineer",
        "负责卫星总装、集成与测试过程的工艺策划和实施|编写测试细则并执行电性能测试|组织力学、热真空等环境试验|记录和处理质量问题",
        "熟悉航天器总装测试流程|动手能力强，严格遵守工艺纪律|能适应发射场出差",
        "飞行器制造工程|机械工程|电子信息工程|测控技术与仪器",
        "associate bachelor master", (9000, 16000), headcount=(2, 4),
    ),
    _tpl(
        "卫星工程师（2026届校招）=Satellite Engineer (Campus Hire 2026)|航天软件工程师（2026届校招）=Space Software "
        "Engineer (Campus Hire 2026)",
        "参与{focus}相关型号的设计、测试与在轨支持|在导师指导下承担分系统或软件模块开发|完成技术文档撰写",
        "2026届毕业生|专业课程成绩优良|有航天类竞赛或科研项目经历|责任心强",
        "飞行器设计与工程|电子信息工程|计算机科学与技术|光学工程",
        "bachelor master phd", (9000, 16000), job_type="campus", headcount=(3, 10),
    ),
    EMBEDDED, FPGA, HARDWARE, HR, QUALITY, INTERN_RD, SALES,
)

AUTOMOTIVE = (
    _tpl(
        "激光雷达系统工程师=LiDAR System Engineer|激光雷达光学工程师=LiDAR Optical Engineer|"
        "激光雷达测试工程师=LiDAR Test Engineer",
        "负责{focus}的系统方案设计与性能指标分解，包括测距能力、视场、分辨率与功耗|完成收发光学、扫描与探测链路的建模与仿真|"
        "组织样机集成、标定与测试|支持主机厂项目的技术对接与问题闭环|编写系统规格书与测试报告",
        "熟悉ToF测距原理及激光雷达系统架构|了解VCSEL/EEL光源和SPAD/APD探测器特性|具备光学、电子、算法多学科协调能力|"
        "熟练使用MATLAB或Python进行仿真",
        "光学工程|光电信息科学与工程|电子科学与技术|仪器科学与技术",
        "bachelor master phd", (16000, 30000), senior=True,
        plus="有车规级激光雷达量产项目经验者优先",
    ),
    _tpl(
        "车载镜头光学工程师=Automotive Lens Optical Engineer|HUD光学工程师=HUD Optical Engineer|"
        "智能车灯光学设计工程师=Automotive Lighting Optical Engineer",
        "负责{focus}产品的光学设计与仿真|完成光学方案评审、公差分析与样件验证|配合主机厂完成配光、成像或虚像质量测试|"
        "跟进供应商模具与量产一致性",
        "熟练使用Zemax、LightTools或SPEOS|了解车规级产品开发流程（APQP、PPAP）|具备良好的英文读写能力",
        "光学工程|光电信息科学与工程|车辆工程",
        "bachelor master", (13000, 24000), senior=True,
    ),
    _tpl(
        "ADAS感知算法工程师=ADAS Perception Algorithm Engineer|多传感器融合算法工程师=Sensor Fusion Algorithm Engineer",
        "负责基于摄像头、激光雷达和毫米波雷达的目标检测、跟踪与融合算法开发|完成算法在域控平台的部署与性能优化|"
        "建立数据闭环与评测体系|支持实车测试与问题分析",
        "熟悉深度学习目标检测与多目标跟踪算法|熟练使用C++和Python|了解TensorRT或车载芯片部署|具备扎实的数学基础",
        "计算机科学与技术|模式识别与智能系统|控制科学与工程|车辆工程",
        "master phd", (20000, 38000), senior=True,
    ),
    _tpl(
        "AUTOSAR软件工程师=AUTOSAR Software Engineer|汽车电子软件工程师=Automotive Embedded Software Engineer",
        "负责{focus}控制器的AUTOSAR基础软件配置与集成|开发CAN/CAN FD、LIN、以太网通信与诊断功能|完成软件单元测试与集成测试|"
        "配合功能安全与信息安全要求完成开发",
        "熟悉AUTOSAR CP架构及Vector、EB等工具链|熟练掌握嵌入式C语言|了解UDS诊断协议与ASPICE流程",
        "车辆工程|计算机科学与技术|电子信息工程|自动化",
        "bachelor master", (14000, 25000), senior=True,
    ),
    _tpl(
        "功能安全工程师=Functional Safety Engineer|汽车功能安全工程师（ISO 26262）=Automotive Functional Safety "
        "Engineer (ISO 26262)",
        "负责{focus}产品的功能安全需求分析与安全概念设计|组织HARA、FMEA、FTA等安全分析|编写功能安全文档并支持审核|"
        "推动研发流程符合ISO 26262要求",
        "熟悉ISO 26262标准|有汽车电子产品开发经验|具备较强的文档与沟通能力",
        "车辆工程|电子信息工程|自动化|安全工程",
        "bachelor master", (16000, 28000),
    ),
    _tpl(
        "汽车电子硬件工程师=Automotive Electronics Hardware Engineer|BMS硬件工程师=BMS Hardware Engineer",
        "负责{focus}控制器的硬件方案与电路设计|完成车规级器件选型与降额设计|支持EMC、环境与可靠性试验整改|"
        "配合生产完成硬件导入",
        "熟悉车规级电路设计规范与AEC-Q认证要求|熟练使用Cadence或Altium|有EMC整改经验",
        "电子信息工程|电气工程及其自动化|车辆工程",
        "bachelor master", (12000, 22000),
    ),
    _tpl(
        "测试验证工程师（DV/PV）=Validation Engineer (DV/PV)|整车电子测试工程师=Vehicle Electronics Test Engineer",
        "负责{focus}产品的DV/PV试验计划制定与执行|搭建台架与HIL测试环境|分析试验失效并推动整改|编写试验报告",
        "熟悉汽车电子可靠性试验标准|会使用CANoe等测试工具|动手能力强，能适应外场测试",
        "车辆工程|测控技术与仪器|电子信息工程",
        "associate bachelor master", (9000, 16000),
    ),
    _tpl(
        "车载光电工程师（2026届校招）=Automotive Photonics Engineer (Campus Hire 2026)|智能驾驶算法工程师（2026届校招）="
        "Autonomous Driving Algorithm Engineer (Campus Hire 2026)",
        "参与{focus}产品的研发项目|在导师指导下完成设计、仿真或算法开发任务|参与实车或台架测试",
        "2026届毕业生|具备扎实的专业基础|有智能车竞赛或相关科研经历",
        "车辆工程|光学工程|计算机科学与技术|控制科学与工程",
        "bachelor master phd", (10000, 18000), job_type="campus", headcount=(3, 8),
    ),
    EMBEDDED, HARDWARE, QUALITY, SALES, HR, INTERN_RD, PRODUCT,
)

NETWORKS = (
    _tpl(
        "光模块测试工程师=Optical Transceiver Test Engineer|光器件测试工程师=Optical Component Test Engineer",
        "负责{focus}产品的性能测试与可靠性测试|搭建误码仪、示波器、光谱仪等测试系统|开发自动化测试脚本并提升测试效率|"
        "分析测试失效，协助研发定位问题|编写测试规范与报告",
        "熟悉光通信基础知识与光模块关键指标（眼图、消光比、灵敏度）|熟练使用常用光通信测试仪表|掌握Python或LabVIEW",
        "光电信息科学与工程|通信工程|电子科学与技术",
        "associate bachelor master", (8000, 15000), headcount=(2, 5),
    ),
    _tpl(
        "光模块硬件工程师=Optical Transceiver Hardware Engineer|高速光模块研发工程师=High-Speed Transceiver R&D Engineer",
        "负责{focus}产品的硬件电路设计与高速信号仿真|完成激光驱动、TIA、DSP等芯片的选型与调试|解决信号完整性与电源完整性问题|"
        "推动产品从研发到量产导入",
        "熟悉高速数字电路设计与SI/PI仿真|了解25G/50G/100G PAM4光模块架构|熟练使用HFSS、ADS等仿真工具",
        "电子科学与技术|通信工程|光电信息科学与工程|微电子学",
        "bachelor master", (15000, 28000), senior=True,
    ),
    _tpl(
        "光器件工艺工程师=Optical Device Process Engineer|光器件耦合工艺工程师=Optical Coupling Process Engineer",
        "负责{focus}光器件的耦合、封装工艺开发与优化|制定工艺流程与作业指导书|分析良率并推动工艺改进|导入自动化耦合设备",
        "熟悉光器件封装工艺（COB、BOX、TO）|了解光纤耦合与胶水固化工艺|具备数据分析能力",
        "光电信息科学与工程|材料科学与工程|机械电子工程",
        "associate bachelor master", (8000, 15000),
    ),
    _tpl(
        "硅光芯片设计工程师=Silicon Photonics Design Engineer|光子集成芯片设计工程师=Photonic Integrated Circuit "
        "Designer",
        "负责{focus}中硅光调制器、波导、耦合器等器件的设计与仿真|完成版图设计与流片数据交付|搭建晶圆级测试平台并分析测试数据|"
        "与封装团队协同优化耦合方案",
        "熟悉波导光学与光电子器件原理|熟练使用Lumerical、RSoft等仿真软件|掌握KLayout或Cadence版图工具|有流片经验",
        "光学工程|电子科学与技术|物理电子学|光学",
        "master phd", (20000, 38000), senior=True,
    ),
    _tpl(
        "光纤传感系统工程师=Fiber Optic Sensing System Engineer|分布式光纤传感算法工程师=Distributed Fiber Sensing "
        "Algorithm Engineer",
        "负责{focus}系统的方案设计与信号处理算法开发|完成系统集成、现场部署与调试|分析振动、温度、应变信号并开发识别模型|"
        "支持项目招投标的技术方案编写",
        "熟悉光纤光学与OTDR、Φ-OTDR、BOTDA等传感原理|掌握数字信号处理方法|熟练使用MATLAB或Python",
        "光学工程|光电信息科学与工程|仪器科学与技术|信号与信息处理",
        "bachelor master phd", (12000, 22000),
    ),
    _tpl(
        "网络工程师=Network Engineer|通信网络运维工程师=Telecom Network Operations Engineer",
        "负责{focus}项目中网络设备的安装、配置与调试|完成光纤链路测试、熔接与故障排查|编写网络拓扑与竣工文档|参与运维值守",
        "熟悉TCP/IP、路由交换与光传输基础|会使用OTDR、光功率计和熔接机|持有HCIA/CCNA等认证者优先|能适应外勤",
        "通信工程|网络工程|计算机科学与技术",
        "any associate bachelor", (6500, 12000), headcount=(2, 6),
    ),
    _tpl(
        "通信工程项目经理=Telecom Project Manager|工程项目经理=Engineering Project Manager",
        "负责{focus}项目的进度、质量、成本与安全管理|协调运营商、监理与施工队伍|组织项目验收与结算|控制项目风险",
        "3年以上通信工程项目管理经验|熟悉通信工程施工规范|持有通信与广电工程建造师证书者优先",
        "通信工程|项目管理|电子信息工程",
        "associate bachelor", (10000, 18000),
    ),
    _tpl(
        "后端开发工程师=Backend Software Engineer|Java开发工程师=Java Developer|Go开发工程师=Go Developer",
        "负责{focus}平台的后端服务设计与开发|设计数据库表结构与接口|保障系统的性能、稳定性与安全|参与代码评审与技术文档编写",
        "熟练掌握Java或Go语言|熟悉MySQL、PostgreSQL、Redis等常用中间件|了解微服务与容器化部署（Docker、Kubernetes）|"
        "具备良好的编码规范",
        "计算机科学与技术|软件工程|网络工程",
        "bachelor master", (11000, 22000), senior=True,
    ),
    _tpl(
        "光通信研发工程师（2026届校招）=Optical Communication R&D Engineer (Campus Hire 2026)|"
        "软件开发工程师（2026届校招）=Software Engineer (Campus Hire 2026)",
        "参与{focus}产品研发或软件开发项目|在导师指导下承担模块设计与测试|撰写技术文档与总结",
        "2026届毕业生|专业基础扎实|有项目或竞赛经历|学习能力强",
        "通信工程|光电信息科学与工程|计算机科学与技术|软件工程",
        "bachelor master", (9000, 16000), job_type="campus", headcount=(3, 10),
    ),
    HARDWARE, EMBEDDED, SALES, HR, PRODUCT, INTERN_RD, INTERN_BIZ,
)

OTHER = (
    _tpl(
        "助理研究员=Assistant Research Fellow|副研究员=Associate Research Fellow",
        "围绕{focus}方向开展科学研究与关键技术攻关|申请并承担国家及省部级科研项目|指导研究生与青年科研人员|发表高水平论文与申请发明专利|"
        "推动科研成果转化与产业合作",
        "具有独立开展科研工作的能力|在本领域发表过高水平学术论文|具备良好的团队协作精神",
        "光学工程|光学|物理电子学|仪器科学与技术|材料科学与工程",
        "phd", None, headcount=(1, 3),
        plus="有海外研究经历者优先|入选各级人才计划者待遇面议",
    ),
    _tpl(
        "博士后=Postdoctoral Researcher|博士后（光子学方向）=Postdoctoral Researcher (Photonics)",
        "围绕{focus}方向开展为期两年的博士后研究|参与重点研发计划课题|撰写学术论文与项目报告",
        "近三年内获得博士学位，年龄35周岁以下|具备扎实的理论基础与实验能力|以第一作者发表SCI论文2篇以上",
        "光学工程|光学|电子科学与技术|物理学",
        "phd", (15000, 25000), headcount=(1, 4),
    ),
    _tpl(
        "专任教师（光学工程）=Lecturer in Optical Engineering|专任教师（电子科学与技术）=Lecturer in Electronic "
        "Science and Technology",
        "承担本科生和研究生的专业课程教学|开展{focus}相关科学研究，申报科研项目|指导学生毕业设计与学科竞赛|参与学科与实验室建设",
        "热爱教育事业，具有良好的师德|具备独立开展科研的能力",
        "光学工程|电子科学与技术|仪器科学与技术|物理学",
        "phd", None, headcount=(2, 5),
    ),
    _tpl(
        "科研助理=Research Assistant|项目助理（科研管理）=Research Project Coordinator",
        "协助研究团队开展{focus}相关实验与数据整理|负责项目材料准备、经费报销与进度跟踪|管理实验室仪器设备与耗材|"
        "协助组织学术会议与交流活动",
        "工作细致，责任心强|熟练使用办公软件|具备一定的英文读写能力",
        "光学工程|物理学|电子信息工程|行政管理",
        "bachelor master", (5000, 8000), headcount=(1, 2),
    ),
    _tpl(
        "实验室技术员=Laboratory Technician|检测技术员=Testing Technician",
        "负责{focus}相关实验平台与仪器设备的日常运行维护|按照标准完成样品检测与原始记录|协助工程师开展设备校准与期间核查|"
        "维护实验室安全与环境条件",
        "熟悉常用光学或电子测试仪器|工作认真细致，遵守操作规程|能够适应实验室工作环境",
        "光电技术应用|测控技术与仪器|应用物理学",
        "associate bachelor", (5000, 7500), headcount=(1, 3),
    ),
    _tpl(
        "检测工程师=Testing & Certification Engineer|激光安全检测工程师=Laser Safety Testing Engineer",
        "依据GB 7247、IEC 60825等标准开展激光产品与光电产品检测|编制检测方案与检测报告|参与CNAS实验室体系维护与能力验证|为客户解答标准与认证问题",
        "熟悉光电产品检测标准|具备检测报告撰写能力|有CNAS实验室工作经验者优先",
        "测控技术与仪器|光学工程|电子信息工程|质量管理工程",
        "bachelor master", (7000, 12000),
    ),
    _tpl(
        "招聘顾问=Recruitment Consultant|猎头顾问（光电行业）=Executive Search Consultant (Photonics)",
        "为光电、半导体与航天企业客户提供{focus}|通过多渠道搜寻、评估候选人并安排面试|维护客户关系，跟进录用与入职|建立行业人才库",
        "具有良好的沟通能力和抗压能力|对理工科专业与行业有兴趣|有招聘或销售经验者优先",
        "人力资源管理|心理学|工商管理|光电信息科学与工程",
        "any associate bachelor", (5000, 10000), headcount=(2, 4),
    ),
    _tpl(
        "科研实习生=Research Intern|实验助理（实习）=Laboratory Assistant (Intern)",
        "参与{focus}相关课题的实验与数据分析|协助整理文献与实验记录|参与组会与学术交流",
        "相关专业在读本科生或研究生|每周可实习3天以上|对科研工作有浓厚兴趣",
        "光学工程|物理学|电子科学与技术|材料科学与工程",
        "associate bachelor master", (2000, 3500), job_type="internship", headcount=(2, 6),
    ),
    _tpl(
        "2026届博士招聘-青年研究人员=PhD Hire 2026 - Young Researcher|2026届校招-工程技术人员=Campus Hire 2026 - "
        "Engineering Staff",
        "加入{focus}研究团队，参与重点科研项目|承担实验设计、装置搭建与测试|撰写论文、专利与技术报告",
        "2026届应届毕业生|在相关领域有扎实的科研基础|具有良好的团队精神",
        "光学工程|光学|电子科学与技术|仪器科学与技术",
        "master phd", (10000, 18000), job_type="campus", headcount=(2, 6),
    ),
    HR, ADMIN,
)

# Foreign exhibitors post in English.
FOREIGN = (
    _tpl(
        "Application Engineer=Application Engineer|Senior Application Engineer=Senior Application Engineer",
        "Support customers in China with {focus}: product selection, demos and on-site troubleshooting|"
        "Run application tests in our local lab and write test reports|Train distributors and customer engineers|"
        "Feed customer requirements back to the product teams in Europe and the US",
        "Solid background in optics, photonics or electronics|Fluent English and Chinese|"
        "Willing to travel about 40% of the time|Hands-on experience with lab instruments",
        "Optical Engineering|Physics|Electrical Engineering",
        "bachelor master", (15000, 28000),
    ),
    _tpl(
        "Optical Engineer=Optical Engineer|Photonics Design Engineer=Photonics Design Engineer",
        "Design and simulate optical systems for {focus}|Build and characterise prototypes in the lab|"
        "Prepare design documentation and transfer designs to production|"
        "Work with colleagues at headquarters on global product programmes",
        "Research or industry experience in optics or photonics|Experience with Zemax, Code V or Lumerical|"
        "Python or MATLAB for data analysis|Good written English",
        "Optical Engineering|Photonics|Physics",
        "master phd", (18000, 32000),
    ),
    _tpl(
        "Field Service Engineer=Field Service Engineer|Service Technician=Service Technician",
        "Install, commission and maintain {focus} at customer sites|Diagnose and repair faults, manage spare parts|"
        "Document service cases in our CRM|Give basic operator training to customers",
        "Background in mechatronics, electronics or optics|Two years of service experience|"
        "Driving licence and willingness to travel|Working English",
        "Mechatronics|Electronics|Optoelectronics",
        "associate bachelor", (10000, 18000),
    ),
    _tpl(
        "Sales Manager China=Sales Manager China|Key Account Manager=Key Account Manager",
        "Grow our {focus} business with key accounts in China|Own the sales pipeline, forecasts and pricing|"
        "Coordinate technical support with application engineers|Represent the company at trade fairs",
        "Five years of B2B sales in photonics, semiconductors or telecom|Fluent English|"
        "Strong negotiation skills and an existing customer network",
        "Engineering|Business Administration",
        "bachelor master", None,
    ),
    _tpl(
        "Test Engineer=Test Engineer|Quality & Test Engineer=Quality & Test Engineer",
        "Develop and maintain test stations for {focus}|Analyse yield and failure data|"
        "Drive corrective actions with production and suppliers|Keep test procedures up to date",
        "Background in electronics, optics or physics|Experience with automated test (Python, LabVIEW)|"
        "Knowledge of statistical process control",
        "Electronic Engineering|Optoelectronics|Physics",
        "bachelor master", (12000, 20000),
    ),
    _tpl(
        "Graduate Engineer Programme 2026=Graduate Engineer Programme 2026|Graduate Trainee (R&D)=Graduate Trainee (R&D)",
        "Rotate through R&D, production and application teams working on {focus}|"
        "Spend three months at our headquarters|Take ownership of a project by the end of the programme",
        "Graduating in 2026 with a Master's or PhD|Strong academic record in photonics or electronics|"
        "Good English; German is a plus",
        "Optical Engineering|Electronic Engineering|Physics",
        "master phd", (14000, 22000), "campus", (2, 4),
    ),
    _tpl(
        "Engineering Intern=Engineering Intern|Marketing Intern=Marketing Intern",
        "Support engineers with lab measurements on {focus}|Prepare data sheets, presentations and market research|"
        "Help organise our booth at trade fairs",
        "Available at least four days a week for three months|"
        "Good English",
        "Optics|Electronics|Marketing",
        "bachelor master", (3500, 5500), "internship", (1, 3),
    ),
    _tpl(
        "Embedded Software Engineer=Embedded Software Engineer|Firmware Engineer=Firmware Engineer",
        "Develop firmware for {focus} controllers in C/C++|Write drivers for sensors, lasers and communication "
        "interfaces|Review code and maintain CI pipelines with the global team",
        "Background in computer science or electronics|Three years of embedded C/C++|"
        "Experience with RTOS or embedded Linux|Good written English",
        "Computer Science|Electronic Engineering|Automation",
        "bachelor master", (16000, 28000),
    ),
)



def _select(templates: tuple[JobTemplate, ...], *titles: str) -> tuple[JobTemplate, ...]:
    """The templates whose first title is among ``titles``."""
    chosen = tuple(template for template in templates if template.titles[0][0] in titles)
    assert len(chosen) == len(titles), titles
    return chosen


_SERVICE_TITLES = ("实验室技术员", "检测工程师", "招聘顾问")
_NOT_RESEARCH = ("检测工程师", "招聘顾问")
TEMPLATES: dict[str, tuple[JobTemplate, ...]] = {
    "chips": CHIPS,
    "optics": OPTICS,
    "satellites": SATELLITES,
    "automotive": AUTOMOTIVE,
    "networks": NETWORKS,
    # institutes (no teaching posts) and a university
    "other": (
        *(t for t in OTHER if t.titles[0][0] not in (*_NOT_RESEARCH, "专任教师（光学工程）")),
        EMBEDDED,
        FPGA,
    ),
    "university": tuple(t for t in OTHER if t.titles[0][0] not in _NOT_RESEARCH),
    "satellite_data": (
        *_select(SATELLITES, "遥感图像处理工程师", "测运控工程师", "GNSS定位算法工程师", "卫星工程师（2026届校招）"),
        *_select(NETWORKS, "后端开发工程师"),
        EMBEDDED, SALES, HR, PRODUCT, INTERN_RD,
    ),
    "network_services": (
        *_select(NETWORKS, "网络工程师", "通信工程项目经理", "后端开发工程师", "光通信研发工程师（2026届校招）"),
        SALES, HR, PRODUCT, ADMIN, INTERN_BIZ, INTERN_RD, EMBEDDED,
    ),
    "services": (*_select(OTHER, *_SERVICE_TITLES), SALES, HR, ADMIN, INTERN_BIZ, QUALITY),
    "foreign": FOREIGN,
}

# Sentences mixed into postings so that no two read alike.
EDUCATION_ZH = {"any": "学历不限", "associate": "大专及以上学历", "bachelor": "本科及以上学历",
                "master": "硕士研究生及以上学历", "phd": "博士研究生学历"}
EDUCATION_EN = {"any": "Any degree", "associate": "Associate degree or above", "bachelor": "Bachelor's degree "
                "or above", "master": "Master's degree or above", "phd": "PhD"}
EXPERIENCE_ZH = {
    "junior": ("1年以上相关工作经验，优秀应届毕业生亦可", "2年以上相关工作经验", "3年以上相关工作经验"),
    "senior": ("5年以上相关工作经验，有团队管理经验", "5年以上相关领域研发经验，能够独立负责项目", "8年以上相关工作经验"),
    "entry": ("有相关岗位经验者优先，接受应届毕业生", "1年以上相关岗位经验"),
    "campus": ("2026届毕业生（2025年9月至2026年8月毕业）", "2026届应届毕业生，可按时取得学历学位证书"),
    "internship": ("在校学生，每周可实习4天以上，实习期不少于3个月", "在校学生，可连续实习3个月以上，能提供学校实习证明"),
}
# Interns are still studying.
STUDYING_ZH = {"associate": "大专及以上在读", "bachelor": "本科及以上在读", "master": "硕士研究生在读", "phd": "博士研究生在读"}
STUDYING_EN = {"associate": "an associate degree", "bachelor": "a Bachelor's degree", "master": "a Master's degree", "phd": "a PhD"}
CITY_EN = {"长春": "Changchun", "北京": "Beijing", "上海": "Shanghai", "深圳": "Shenzhen", "苏州": "Suzhou",
           "武汉": "Wuhan", "西安": "Xi'an"}
SOFT_ZH = (
    "具备良好的沟通能力与团队合作精神",
    "工作认真负责，学习能力强，能承受一定的工作压力",
    "英语读写熟练（CET-6），能阅读英文技术文献",
    "具有较强的分析与解决问题能力",
    "责任心强，能适应短期出差",
)
INTRO_ZH = (
    "本岗位所在团队从事{focus}方向的研发与交付。",
    "团队围绕{focus}业务持续扩充，本岗位主要职责如下：",
    "",
    "",
)
BENEFITS_ZH = (
    "公司提供五险一金、带薪年假、年度体检和餐补。",
    "提供六险一金、年终奖、专利奖励及技术晋升通道。",
    "提供人才公寓或住房补贴、通勤班车和员工食堂。",
    "",
)
BENEFITS_CHANGCHUN = "符合条件者可申请长春市人才政策补贴与人才公寓。"
SENIOR_ZH = "高级"
SENIOR_EN = "Senior "
INTRO_EN = (
    "Our China team works on {focus} for customers across Asia.",
    "We are growing our {focus} team in China.",
    "",
)
BENEFITS_EN = (
    "We offer social insurance and housing fund, supplementary health insurance and 15 days of annual leave.",
    "Competitive salary, annual bonus, training at headquarters and flexible working hours.",
    "",
)
PLUS_EN = ("Experience in the photonics industry is a plus.", "German or Japanese is a plus.")

# Demo people (fictional).
EMPLOYER_NAMES = ("王晓燕", "李志强", "陈静")
PENDING_EMPLOYER_NAMES = ("赵磊", "孙婷")
SEEKERS: tuple[tuple[str, str, str, str], ...] = (  # (name, name in pinyin, what they study/studied, in English)
    ("张明远", "Zhang Mingyuan", "光学工程硕士（2026届）", "M.Eng. Optical Engineering (2026)"),
    ("刘思雨", "Liu Siyu", "光电信息科学与工程本科（2026届）", "B.Eng. Optoelectronic Information Science (2026)"),
    ("周子涵", "Zhou Zihan", "微电子学与固体电子学博士", "Ph.D. Microelectronics and Solid-State Electronics"),
    ("吴浩然", "Wu Haoran", "通信工程本科，3年工作经验", "B.Eng. Communication Engineering, 3 years' experience"),
    ("郑雅琪", "Zheng Yaqi", "车辆工程硕士（2026届）", "M.Eng. Vehicle Engineering (2026)"),
)
