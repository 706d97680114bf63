"""Every sentence a check can say (photo_engine.judging.checks), by message id, in kk, ru and en."""

from __future__ import annotations

CHECK_MESSAGES: dict[str, dict[str, str]] = {
    # face_count
    "face_count.one": {"en": "one face found", "ru": "найдено одно лицо", "kk": "бір бет табылды"},
    "face_count.none": {
        "en": "no face found: use a portrait with the whole face visible",
        "ru": "лицо не найдено: загрузите портрет, на котором лицо видно полностью",
        "kk": "бет табылмады: беті толық көрінетін портрет жүктеңіз"},
    "face_count.several": {
        "en": "{count} faces found: a document photo shows one person only - crop the others out",
        "ru": "найдено лиц: {count}; на фото для документа должен быть один человек - обрежьте остальных",
        "kk": "{count} бет табылды: құжатқа арналған суретте бір ғана адам болуы керек - қалғандарын қиып тастаңыз"},
    # resolution
    "resolution.too_narrow": {
        "en": "the image is {width} px wide; the receiving system needs at least {need} px ({missing} px missing)",
        "ru": "ширина изображения {width} px; принимающая система требует не менее {need} px "
              "(не хватает {missing} px)",
        "kk": "суреттің ені {width} px; қабылдайтын жүйеге кемінде {need} px керек ({missing} px жетпейді)"},
    "resolution.too_low": {
        "en": "the image is {height} px high; the receiving system needs at least {need} px ({missing} px missing)",
        "ru": "высота изображения {height} px; принимающая система требует не менее {need} px "
              "(не хватает {missing} px)",
        "kk": "суреттің биіктігі {height} px; қабылдайтын жүйеге кемінде {need} px керек ({missing} px жетпейді)"},
    "resolution.enough": {
        "en": "enough pixels: the head spans {head_px} px, the output needs {need_px}",
        "ru": "пикселей достаточно: голова занимает {head_px} px, для результата нужно {need_px}",
        "kk": "пиксель жеткілікті: бас {head_px} px алады, нәтижеге {need_px} керек"},
    "resolution.slightly_few": {
        "en": "slightly few pixels: the head spans {head_px} px, the output needs {need_px} ({missing} px missing); "
              "it will be upscaled a little",
        "ru": "пикселей немного не хватает: голова занимает {head_px} px, для результата нужно {need_px} "
              "(не хватает {missing} px); фото будет слегка увеличено",
        "kk": "пиксель сәл жетпейді: бас {head_px} px алады, нәтижеге {need_px} керек ({missing} px жетпейді); "
              "сурет аздап үлкейтіледі"},
    "resolution.too_few": {
        "en": "too few pixels: the head spans {head_px} px but the output needs {need_px} ({missing} px missing, "
              "{factor}x upscaling); use a larger or closer photo",
        "ru": "слишком мало пикселей: голова занимает {head_px} px, а для результата нужно {need_px} "
              "(не хватает {missing} px, увеличение в {factor} раза); загрузите фото крупнее или снятое ближе",
        "kk": "пиксель тым аз: бас {head_px} px алады, ал нәтижеге {need_px} керек ({missing} px жетпейді, "
              "{factor} есе үлкейту); үлкенірек не жақыннан түсірілген сурет жүктеңіз"},
    # head_in_frame
    "head_in_frame.crown_cut": {
        "en": "the top of the head is cut off by the picture's edge, so the head cannot be measured: take the photo "
              "again with space above your head",
        "ru": "верх головы обрезан краем снимка, поэтому голову нельзя измерить: переснимите так, чтобы над "
              "головой оставалось место",
        "kk": "бастың төбесі сурет шетімен кесілген, сондықтан басты өлшеу мүмкін емес: басыңыздың үстінде бос "
              "орын қалдырып қайта түсіріңіз"},
    "head_in_frame.chin_cut": {
        "en": "the chin is cut off by the picture's edge, so the head cannot be measured: take the photo again "
              "with space below your chin",
        "ru": "подбородок обрезан краем снимка, поэтому голову нельзя измерить: переснимите так, чтобы под "
              "подбородком оставалось место",
        "kk": "иек сурет шетімен кесілген, сондықтан басты өлшеу мүмкін емес: иегіңіздің астында бос орын "
              "қалдырып қайта түсіріңіз"},
    "head_in_frame.side_cut": {
        "en": "the side of the head (an ear) is cut off by the picture's edge: take the photo again with space on "
              "both sides of your head",
        "ru": "край головы (ухо) обрезан краем снимка: переснимите так, чтобы по обе стороны головы оставалось "
              "место",
        "kk": "бастың бүйірі (құлақ) сурет шетімен кесілген: басыңыздың екі жағында бос орын қалдырып қайта "
              "түсіріңіз"},
    "head_in_frame.whole": {
        "en": "the whole head is inside the picture", "ru": "голова целиком в кадре", "kk": "бас толығымен кадрда"},
    # head_size
    "head_size.fits": {
        "en": "chin to crown is {ratio} % of the photo height ({mm} mm on a {print_mm} mm print)",
        "ru": "от подбородка до макушки - {ratio} % высоты фото ({mm} мм при печати высотой {print_mm} мм)",
        "kk": "иектен төбеге дейін - сурет биіктігінің {ratio} %-ы (биіктігі {print_mm} мм баспада {mm} мм)"},
    "head_size.estimated": {
        "en": "chin to crown is about {ratio} % of the photo height ({mm} mm on a {print_mm} mm print), but only "
              "estimated: part of the head is outside the picture",
        "ru": "от подбородка до макушки - около {ratio} % высоты фото ({mm} мм при печати высотой {print_mm} мм), "
              "но это лишь оценка: часть головы не попала в кадр",
        "kk": "иектен төбеге дейін - сурет биіктігінің шамамен {ratio} %-ы (биіктігі {print_mm} мм баспада {mm} мм), "
              "бірақ бұл тек болжам: бастың бір бөлігі кадрға түспеген"},
    "head_size.too_small": {
        "en": "chin to crown is {ratio} % of the photo height ({mm} mm on a {print_mm} mm print): crop closer "
              "(make does this)",
        "ru": "от подбородка до макушки - {ratio} % высоты фото ({mm} мм при печати высотой {print_mm} мм): "
              "нужно кадрировать крупнее (при изготовлении фото это делается автоматически)",
        "kk": "иектен төбеге дейін - сурет биіктігінің {ratio} %-ы (биіктігі {print_mm} мм баспада {mm} мм): "
              "жақынырақ қию керек (сурет жасалғанда бұл автоматты түрде орындалады)"},
    "head_size.too_large": {
        "en": "chin to crown is {ratio} % of the photo height ({mm} mm on a {print_mm} mm print): leave more room "
              "around the head (make does this)",
        "ru": "от подбородка до макушки - {ratio} % высоты фото ({mm} мм при печати высотой {print_mm} мм): "
              "нужно больше места вокруг головы (при изготовлении фото это делается автоматически)",
        "kk": "иектен төбеге дейін - сурет биіктігінің {ratio} %-ы (биіктігі {print_mm} мм баспада {mm} мм): "
              "бастың айналасында көбірек орын қалдыру керек (сурет жасалғанда бұл автоматты түрде орындалады)"},
    # framing
    "framing.aspect": {
        "en": "aspect {width}:{height} is not the photo's {need_width}:{need_height}",
        "ru": "пропорции {width}:{height} не совпадают с пропорциями фото {need_width}:{need_height}",
        "kk": "{width}:{height} арақатынасы суреттің {need_width}:{need_height} арақатынасына сай емес"},
    "framing.off_centre": {
        "en": "face is {offset} % of the width off centre",
        "ru": "лицо смещено от центра на {offset} % ширины",
        "kk": "бет ортадан ені бойынша {offset} %-ға ығысқан"},
    "framing.crown_cut": {
        "en": "the top of the head is cut off", "ru": "верх головы обрезан", "kk": "бастың төбесі кесілген"},
    "framing.no_space_above": {
        "en": "no space above the head", "ru": "над головой нет места", "kk": "бастың үстінде бос орын жоқ"},
    "framing.chin_cut": {"en": "the chin is cut off", "ru": "подбородок обрезан", "kk": "иек кесілген"},
    "framing.eye_line": {
        "en": "eye line at {eye} % of the height from the bottom, outside {min}-{max} %",
        "ru": "линия глаз на {eye} % высоты от нижнего края, вне диапазона {min}-{max} %",
        "kk": "көз сызығы төменгі шеттен биіктіктің {eye} %-ында, {min}-{max} % аралығынан тыс"},
    "framing.make_fixes": {
        "en": "make crops and pads to fix this",
        "ru": "при изготовлении фото кадр обрезается и дополняется, чтобы это исправить",
        "kk": "сурет жасалғанда кадр қиылып, толықтырылып, бұл түзетіледі"},
    "framing.padded": {
        "en": "the source ends inside the frame; padded with background ({sides})",
        "ru": "снимок заканчивается внутри кадра; дополнено фоном ({sides})",
        "kk": "сурет кадрдың ішінде бітеді; фонмен толтырылды ({sides})"},
    "framing.centred": {
        "en": "head centred and inside the frame", "ru": "голова по центру и в кадре",
        "kk": "бас ортада әрі кадрдың ішінде"},
    # pose: tilt (roll), turn (yaw), nod (pitch)
    "pose.tilt_within_limit": {
        "en": "head tilted {angle} degrees; the rule allows {limit}",
        "ru": "наклон головы {angle}°; правило допускает {limit}°",
        "kk": "бастың қисаюы {angle}°; ереже {limit}° дейін рұқсат етеді"},
    "pose.tilt_near_limit": {
        "en": "head tilted {angle} degrees; the rule allows {limit}, and a single photo measures this angle only to "
              "about {tolerance} degrees, so this is not a failure; to be safe: hold the head level",
        "ru": "наклон головы {angle}°; правило допускает {limit}°, но по одному снимку этот угол измеряется лишь с "
              "точностью около {tolerance}°, поэтому это не ошибка; для надёжности держите голову прямо",
        "kk": "бастың қисаюы {angle}°; ереже {limit}° дейін рұқсат етеді, бірақ бір суреттен бұл бұрыш шамамен "
              "{tolerance}° дәлдікпен ғана өлшенеді, сондықтан бұл қате емес; сенімді болу үшін басыңызды тік ұстаңыз"},
    "pose.tilt_over_limit": {
        "en": "head tilted {angle} degrees; the rule allows {limit} (more than {bound} even with our measuring "
              "tolerance of {tolerance}): hold the head level",
        "ru": "наклон головы {angle}°; правило допускает {limit}° (это больше {bound}° даже с учётом погрешности "
              "измерения {tolerance}°): держите голову прямо",
        "kk": "бастың қисаюы {angle}°; ереже {limit}° дейін рұқсат етеді (өлшеу қателігін {tolerance}° есептесек те, "
              "{bound}°-тан артық): басыңызды тік ұстаңыз"},
    "pose.tilt_levelled_by_make": {
        "en": "make rotates this away", "ru": "при изготовлении фото наклон выравнивается автоматически",
        "kk": "сурет жасалғанда қисаю автоматты түрде түзетіледі"},
    "pose.turn_within_limit": {
        "en": "head turned {angle} degrees; the rule allows {limit}",
        "ru": "поворот головы {angle}°; правило допускает {limit}°",
        "kk": "бастың бұрылуы {angle}°; ереже {limit}° дейін рұқсат етеді"},
    "pose.turn_near_limit": {
        "en": "head turned {angle} degrees; the rule allows {limit}, and a single photo measures this angle only to "
              "about {tolerance} degrees, so this is not a failure; to be safe: look straight into the camera",
        "ru": "поворот головы {angle}°; правило допускает {limit}°, но по одному снимку этот угол измеряется лишь с "
              "точностью около {tolerance}°, поэтому это не ошибка; для надёжности смотрите прямо в камеру",
        "kk": "бастың бұрылуы {angle}°; ереже {limit}° дейін рұқсат етеді, бірақ бір суреттен бұл бұрыш шамамен "
              "{tolerance}° дәлдікпен ғана өлшенеді, сондықтан бұл қате емес; сенімді болу үшін камераға тура қараңыз"},
    "pose.turn_over_limit": {
        "en": "head turned {angle} degrees; the rule allows {limit} (more than {bound} even with our measuring "
              "tolerance of {tolerance}): look straight into the camera",
        "ru": "поворот головы {angle}°; правило допускает {limit}° (это больше {bound}° даже с учётом погрешности "
              "измерения {tolerance}°): смотрите прямо в камеру",
        "kk": "бастың бұрылуы {angle}°; ереже {limit}° дейін рұқсат етеді (өлшеу қателігін {tolerance}° есептесек "
              "те, {bound}°-тан артық): камераға тура қараңыз"},
    "pose.nod_within_limit": {
        "en": "head nodded {angle} degrees; the rule allows {limit}",
        "ru": "подбородок поднят или опущен на {angle}°; правило допускает {limit}°",
        "kk": "иек {angle}° көтерілген не түскен; ереже {limit}° дейін рұқсат етеді"},
    "pose.nod_near_limit": {
        "en": "head nodded {angle} degrees; the rule allows {limit}, and a single photo measures this angle only to "
              "about {tolerance} degrees, so this is not a failure; to be safe: keep the chin level, neither up nor "
              "down",
        "ru": "подбородок поднят или опущен на {angle}°; правило допускает {limit}°, но по одному снимку этот угол "
              "измеряется лишь с точностью около {tolerance}°, поэтому это не ошибка; для надёжности держите "
              "подбородок ровно",
        "kk": "иек {angle}° көтерілген не түскен; ереже {limit}° дейін рұқсат етеді, бірақ бір суреттен бұл бұрыш "
              "шамамен {tolerance}° дәлдікпен ғана өлшенеді, сондықтан бұл қате емес; сенімді болу үшін иегіңізді "
              "түзу ұстаңыз"},
    "pose.nod_over_limit": {
        "en": "head nodded {angle} degrees; the rule allows {limit} (more than {bound} even with our measuring "
              "tolerance of {tolerance}): keep the chin level, neither up nor down",
        "ru": "подбородок поднят или опущен на {angle}°; правило допускает {limit}° (это больше {bound}° даже с "
              "учётом погрешности измерения {tolerance}°): держите подбородок ровно",
        "kk": "иек {angle}° көтерілген не түскен; ереже {limit}° дейін рұқсат етеді (өлшеу қателігін {tolerance}° "
              "есептесек те, {bound}°-тан артық): иегіңізді түзу ұстаңыз"},
    # eyes_open
    "eyes_open.not_required": {
        "en": "the profile does not require open eyes", "ru": "профиль не требует открытых глаз",
        "kk": "профиль ашық көзді талап етпейді"},
    "eyes_open.closed": {
        "en": "eyes closed or nearly closed: open both eyes and look into the camera",
        "ru": "глаза закрыты или почти закрыты: откройте оба глаза и смотрите в камеру",
        "kk": "көз жұмулы не жартылай жұмулы: екі көзіңізді ашып, камераға қараңыз"},
    "eyes_open.narrow": {
        "en": "eyes narrow: open them fully", "ru": "глаза прищурены: откройте их полностью",
        "kk": "көз қысыңқы: көзіңізді толық ашыңыз"},
    "eyes_open.open": {"en": "both eyes open", "ru": "оба глаза открыты", "kk": "екі көз де ашық"},
    # mouth_closed
    "mouth_closed.not_required": {
        "en": "the profile allows an open mouth", "ru": "профиль допускает открытый рот",
        "kk": "профиль ашық ауызға рұқсат етеді"},
    "mouth_closed.teeth": {
        "en": "teeth showing: close the lips, neutral expression",
        "ru": "видны зубы: сомкните губы, выражение лица нейтральное",
        "kk": "тіс көрінеді: ерніңізді жабыңыз, бет әлпеті бейтарап болсын"},
    "mouth_closed.open": {
        "en": "mouth open or lips apart: close the lips, neutral expression",
        "ru": "рот открыт или губы разомкнуты: сомкните губы, выражение лица нейтральное",
        "kk": "ауыз ашық не ерін ашылған: ерніңізді жабыңыз, бет әлпеті бейтарап болсын"},
    "mouth_closed.closed": {"en": "mouth closed", "ru": "рот закрыт", "kk": "ауыз жабық"},
    # sunglasses
    "sunglasses.allowed": {
        "en": "the profile allows tinted glasses", "ru": "профиль допускает тёмные очки",
        "kk": "профиль күңгірт көзілдірікке рұқсат етеді"},
    "sunglasses.tinted": {
        "en": "tinted or dark lenses hide the eyes: take sunglasses off",
        "ru": "тонированные или тёмные стёкла скрывают глаза: снимите солнцезащитные очки",
        "kk": "күңгірт не қара әйнек көзді жасырады: күннен қорғайтын көзілдірікті шешіңіз"},
    "sunglasses.none": {
        "en": "eyes visible, no tinted lenses", "ru": "глаза видны, тёмных стёкол нет",
        "kk": "көз көрінеді, күңгірт әйнек жоқ"},
    # glasses
    "glasses.none": {"en": "no clear glasses seen", "ru": "очков не видно", "kk": "көзілдірік көрінбейді"},
    "glasses.allowed": {
        "en": "clear glasses seen: allowed; make sure the frame does not cover the eyes and nothing reflects",
        "ru": "видны очки: это допускается; убедитесь, что оправа не закрывает глаза и нет бликов",
        "kk": "көзілдірік көрінеді: рұқсат етіледі; жиектеме көзді жаппайтынына және жылтыр жоқ екеніне көз "
              "жеткізіңіз"},
    "glasses.forbidden": {
        "en": "glasses seen: this photo must be taken without glasses",
        "ru": "видны очки: для этого документа фото делают без очков",
        "kk": "көзілдірік көрінеді: бұл құжатқа сурет көзілдіріксіз түсіріледі"},
    # glare
    "glare.strong": {
        "en": "strong reflections on the face or glasses: avoid direct flash, tilt glasses slightly",
        "ru": "сильные блики на лице или очках: не используйте прямую вспышку, слегка наклоните очки",
        "kk": "бетте не көзілдірікте қатты жылтыр бар: тікелей жарқылды қолданбаңыз, көзілдірікті сәл еңкейтіңіз"},
    "glare.some": {
        "en": "some reflections on the face or glasses", "ru": "небольшие блики на лице или очках",
        "kk": "бетте не көзілдірікте аздаған жылтыр бар"},
    "glare.none": {"en": "no disturbing reflections", "ru": "мешающих бликов нет", "kk": "кедергі жылтыр жоқ"},
    # headwear
    "headwear.allowed": {
        "en": "the profile allows headwear", "ru": "профиль допускает головной убор",
        "kk": "профиль бас киімге рұқсат етеді"},
    "headwear.none": {"en": "no headwear seen", "ru": "головного убора не видно", "kk": "бас киім көрінбейді"},
    "headwear.seen": {
        "en": "headwear seen (hat, cap, beanie or hood): take it off for the photo",
        "ru": "виден головной убор (шляпа, кепка, шапка или капюшон): снимите его для фото",
        "kk": "бас киім көрінеді (қалпақ, кепка, бөрік не күләпара): суретке түсерде оны шешіңіз"},
    "headwear.religious_exception": {
        "en": "a religious head covering is allowed by this profile ({key}) only if it leaves the whole face oval "
              "visible, from the hairline to the chin",
        "ru": "религиозный головной убор этот профиль допускает ({key}), только если овал лица виден целиком, "
              "от линии волос до подбородка",
        "kk": "діни бас киімге бұл профиль ({key}) тек бет сопағы шаш сызығынан иекке дейін толық көрінсе ғана "
              "рұқсат етеді"},
    # occlusion
    "occlusion.covered": {
        "en": "face partly covered: clear the face", "ru": "лицо частично закрыто: откройте лицо",
        "kk": "бет жартылай жабылған: бетіңізді ашыңыз"},
    "occlusion.hand": {
        "en": "a hand on or next to the face", "ru": "рука на лице или рядом с ним",
        "kk": "қол бетте не бетке жақын"},
    "occlusion.hair": {
        "en": "hair over an eye or a brow", "ru": "волосы закрывают глаз или бровь",
        "kk": "шаш көзді не қасты жауып тұр"},
    "occlusion.object": {
        "en": "an object in front of the face", "ru": "предмет перед лицом", "kk": "беттің алдында зат бар"},
    "occlusion.visible": {"en": "face fully visible", "ru": "лицо видно полностью", "kk": "бет толық көрінеді"},
    # background
    "background.replaced": {
        "en": "background replaced with plain {colour}", "ru": "фон заменён на однотонный {colour}",
        "kk": "фон біркелкі {colour} түске ауыстырылды"},
    "background.too_little": {
        "en": "too little background visible to judge it", "ru": "фона видно слишком мало, чтобы его оценить",
        "kk": "фонды бағалау үшін ол тым аз көрінеді"},
    "background.busy": {
        "en": "background is not plain (pattern, objects or uneven), not a plain light one: use a plain light wall, "
              "or let make replace it",
        "ru": "фон неоднородный (узор, предметы или пятна), а нужен однотонный светлый: встаньте у однотонной "
              "светлой стены или дайте программе заменить фон",
        "kk": "фон біркелкі емес (өрнек, заттар не дақтар), ал біркелкі ашық фон керек: біркелкі ашық қабырға "
              "алдында тұрыңыз немесе фонды бағдарлама ауыстырсын"},
    "background.plain_toned": {
        "en": "background is plain but {tone}, not a plain light one: use a plain light wall, or let make replace it",
        "ru": "фон однотонный, но {tone}, а нужен однотонный светлый: встаньте у однотонной светлой стены или "
              "дайте программе заменить фон",
        "kk": "фон біркелкі, бірақ {tone}, ал біркелкі ашық фон керек: біркелкі ашық қабырға алдында тұрыңыз "
              "немесе фонды бағдарлама ауыстырсын"},
    "background.wrong_tone": {
        "en": "background is plain and light but {tone}, not {allowed}: make can replace it",
        "ru": "фон однотонный и светлый, но {tone}, а нужен {allowed}: программа может заменить фон",
        "kk": "фон біркелкі әрі ашық, бірақ {tone}, ал керегі - {allowed}: бағдарлама фонды ауыстыра алады"},
    "background.plain": {
        "en": "plain {tone} background", "ru": "однотонный фон: {tone}", "kk": "біркелкі фон: {tone}"},
    # lighting
    "lighting.uneven": {
        "en": "light is uneven across the face: light it evenly from the front",
        "ru": "лицо освещено неравномерно: осветите его ровно спереди",
        "kk": "бетке жарық біркелкі түспейді: бетті алдынан біркелкі жарықтандырыңыз"},
    "lighting.even": {"en": "even light on the face", "ru": "лицо освещено ровно", "kk": "бетке жарық біркелкі түседі"},
    # sharpness
    "sharpness.blurred": {
        "en": "the face is blurred: hold still and focus on the eyes",
        "ru": "лицо размыто: не двигайтесь и наведите фокус на глаза",
        "kk": "бет бұлыңғыр: қозғалмаңыз және фокусты көзге қойыңыз"},
    "sharpness.soft": {"en": "the face is slightly soft", "ru": "лицо немного нерезкое", "kk": "бет сәл бұлыңғыр"},
    "sharpness.sharp": {"en": "face in focus", "ru": "лицо в фокусе", "kk": "бет фокуста"},
    # exposure
    "exposure.too_dark": {
        "en": "the face is too dark: add light", "ru": "лицо слишком тёмное: добавьте света",
        "kk": "бет тым қараңғы: жарықты көбейтіңіз"},
    "exposure.too_bright": {
        "en": "the face is too bright: less light or exposure",
        "ru": "лицо слишком светлое: уменьшите свет или экспозицию",
        "kk": "бет тым ашық: жарықты не экспозицияны азайтыңыз"},
    "exposure.clipped": {
        "en": "parts of the face are blown out or black", "ru": "часть лица пересвечена или провалена в черноту",
        "kk": "беттің бір бөлігі тым ашық не қап-қара"},
    "exposure.good": {"en": "face well exposed", "ru": "лицо экспонировано правильно", "kk": "бет дұрыс жарықталған"},
    # colour
    "colour.monochrome": {
        "en": "the photo is black-and-white, sepia or another single tint; the document needs a colour photo",
        "ru": "фото чёрно-белое, в сепии или одном оттенке; для документа нужно цветное фото",
        "kk": "сурет ақ-қара, сепия не бір реңкті; құжатқа түрлі түсті сурет керек"},
    "colour.cmyk_converted": {
        "en": "CMYK source converted to 8-bit sRGB; check the colours",
        "ru": "исходник в CMYK преобразован в 8-битный sRGB; проверьте цвета",
        "kk": "CMYK түпнұсқасы 8 биттік sRGB-ге түрлендірілді; түстерді тексеріңіз"},
    "colour.deep_converted": {
        "en": "16-bit source converted to 8-bit sRGB; check the colours",
        "ru": "16-битный исходник преобразован в 8-битный sRGB; проверьте цвета",
        "kk": "16 биттік түпнұсқа 8 биттік sRGB-ге түрлендірілді; түстерді тексеріңіз"},
    "colour.greyscale_allowed": {
        "en": "greyscale photo allowed", "ru": "чёрно-белое фото допускается", "kk": "ақ-қара суретке рұқсат бар"},
    "colour.colour": {"en": "colour photo", "ru": "цветное фото", "kk": "түрлі түсті сурет"},
    # a rule the profile does not state
    "rule.default_used": {
        "en": "no '{key}' in the profile; default {default} used (inferred)",
        "ru": "в профиле нет '{key}'; использовано значение по умолчанию {default} (выведено)",
        "kk": "профильде '{key}' жоқ; әдепкі мән {default} қолданылды (тұжырымдалған)"},
}

# Words the engine passes as parameters (tones, colours, sides of the frame), translated where they are used.
WORDS: dict[str, dict[str, str]] = {
    "white": {"en": "white", "ru": "белый", "kk": "ақ"},
    "light-grey": {"en": "light-grey", "ru": "светло-серый", "kk": "ашық сұр"},
    "light-gray": {"en": "light-grey", "ru": "светло-серый", "kk": "ашық сұр"},
    "grey-light": {"en": "light-grey", "ru": "светло-серый", "kk": "ашық сұр"},
    "light": {"en": "light", "ru": "светлый", "kk": "ашық"},
    "dark": {"en": "dark", "ru": "тёмный", "kk": "қараңғы"},
    "coloured": {"en": "coloured", "ru": "цветной", "kk": "түсті"},
    "blue": {"en": "blue", "ru": "голубой", "kk": "көгілдір"},
    "top": {"en": "top", "ru": "сверху", "kk": "жоғарыда"},
    "bottom": {"en": "bottom", "ru": "снизу", "kk": "төменде"},
    "left": {"en": "left", "ru": "слева", "kk": "сол жақта"},
    "right": {"en": "right", "ru": "справа", "kk": "оң жақта"},
    "or": {"en": "or", "ru": "или", "kk": "немесе"},
    "yes": {"en": "yes", "ru": "да", "kk": "иә"},
    "no": {"en": "no", "ru": "нет", "kk": "жоқ"},
    "photo": {"en": "photo", "ru": "фото", "kk": "сурет"},
    "sheet": {"en": "sheet", "ru": "лист", "kk": "парақ"},
    "preview": {"en": "preview", "ru": "проверка", "kk": "тексеру"},
    "report": {"en": "report", "ru": "отчёт", "kk": "есеп"},
}
