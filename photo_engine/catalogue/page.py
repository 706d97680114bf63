"""The photo page's own texts, document names, check titles and short advice, in kk, ru and en."""

from __future__ import annotations

from registry.status_labels import STATUS_LABELS

CHECK_TITLES: dict[str, dict[str, str]] = {
    "face_count": {"en": "one face", "ru": "одно лицо", "kk": "бір бет"},
    "resolution": {"en": "resolution", "ru": "разрешение", "kk": "ажыратымдылық"},
    "head_in_frame": {"en": "whole head", "ru": "голова целиком", "kk": "бас толық"},
    "head_size": {"en": "head size", "ru": "размер головы", "kk": "бастың өлшемі"},
    "framing": {"en": "framing", "ru": "положение в кадре", "kk": "кадрдағы орны"},
    "pose_roll": {"en": "head level", "ru": "наклон головы", "kk": "бастың қисаюы"},
    "pose_yaw": {"en": "head turn", "ru": "поворот головы", "kk": "бастың бұрылуы"},
    "pose_pitch": {"en": "chin level", "ru": "подбородок", "kk": "иек деңгейі"},
    "eyes_open": {"en": "eyes open", "ru": "открытые глаза", "kk": "ашық көз"},
    "mouth_closed": {"en": "mouth closed", "ru": "закрытый рот", "kk": "жабық ауыз"},
    "sunglasses": {"en": "tinted glasses", "ru": "тёмные очки", "kk": "күңгірт көзілдірік"},
    "glasses": {"en": "glasses", "ru": "очки", "kk": "көзілдірік"},
    "glare": {"en": "reflections", "ru": "блики", "kk": "жылтыр"},
    "headwear": {"en": "headwear", "ru": "головной убор", "kk": "бас киім"},
    "occlusion": {"en": "face visible", "ru": "лицо открыто", "kk": "бет ашық"},
    "background": {"en": "background", "ru": "фон", "kk": "фон"},
    "lighting": {"en": "lighting", "ru": "освещение", "kk": "жарық"},
    "sharpness": {"en": "sharpness", "ru": "резкость", "kk": "анықтық"},
    "exposure": {"en": "exposure", "ru": "экспозиция", "kk": "жарықтандыру"},
    "colour": {"en": "colour", "ru": "цвет", "kk": "түс"},
}

# What to do about a failed or doubtful check, shown first on the result page, by ``<check>.<status>``.
ADVICE: dict[str, dict[str, str]] = {
    "face_count.fail": {
        "en": "Use a photo of exactly one person with the whole face visible.",
        "ru": "Нужна фотография одного человека, лицо видно полностью.",
        "kk": "Бір ғана адамның, беті толық көрінетін суретін жүктеңіз."},
    "resolution.fail": {
        "en": "The photo has too few pixels: use a larger photo or stand closer to the camera.",
        "ru": "В снимке слишком мало пикселей: загрузите фото крупнее или встаньте ближе к камере.",
        "kk": "Суретте пиксель тым аз: үлкенірек сурет жүктеңіз немесе камераға жақынырақ тұрыңыз."},
    "resolution.warn": {
        "en": "Slightly few pixels; the photo will be enlarged a little.",
        "ru": "Пикселей немного не хватает; фото будет слегка увеличено.",
        "kk": "Пиксель сәл жетпейді; сурет аздап үлкейтіледі."},
    "head_in_frame.fail": {
        "en": "Part of the head is cut off: take the photo again with space above the head and around it.",
        "ru": "Часть головы обрезана: переснимите так, чтобы над головой и по бокам оставалось место.",
        "kk": "Бастың бір бөлігі кесіліп қалған: бастың үстінде және екі жағында бос орын қалдырып қайта түсіріңіз."},
    "head_size.fail": {
        "en": "The head is {ratio} % of the photo height; "
              "making the photo fixes this automatically.",
        "ru": "Голова занимает {ratio} % высоты фото; "
              "при изготовлении фото это исправляется автоматически.",
        "kk": "Бас суреттің биіктігінің {ratio} %-ын алады; "
              "сурет жасалғанда бұл автоматты түрде түзетіледі."},
    "framing.fail": {
        "en": "The head is not centred or is cut off: take the photo again with the head in the middle.",
        "ru": "Голова не по центру или обрезана: переснимите, держа голову в центре кадра.",
        "kk": "Бас ортада емес немесе кесілген: басыңызды кадрдың ортасына қойып қайта түсіріңіз."},
    "framing.warn": {
        "en": "The photo did not reach the edge of the frame; the gap was filled with background.",
        "ru": "Снимка не хватило до края кадра; пустое место заполнено фоном.",
        "kk": "Сурет кадрдың шетіне жетпеді; бос орын фонмен толтырылды."},
    "pose_roll.fail": {
        "en": "The head is tilted ({angle} degrees): hold the head level.",
        "ru": "Голова наклонена ({angle}°): держите голову прямо.",
        "kk": "Бас қисайған ({angle}°): басыңызды тік ұстаңыз."},
    "pose_roll.warn": {
        "en": "The head may be slightly tilted: to be safe, hold it level.",
        "ru": "Голова, возможно, слегка наклонена: для надёжности держите её прямо.",
        "kk": "Бас сәл қисаюы мүмкін: сенімді болу үшін тік ұстаңыз."},
    "pose_yaw.fail": {
        "en": "The head is turned ({angle} degrees): look straight into the camera.",
        "ru": "Голова повёрнута ({angle}°): смотрите прямо в камеру.",
        "kk": "Бас бұрылған ({angle}°): камераға тура қараңыз."},
    "pose_yaw.warn": {
        "en": "The head may be slightly turned: to be safe, look straight into the camera.",
        "ru": "Голова, возможно, слегка повёрнута: для надёжности смотрите прямо в камеру.",
        "kk": "Бас сәл бұрылуы мүмкін: сенімді болу үшін камераға тура қараңыз."},
    "pose_pitch.fail": {
        "en": "The chin is raised or lowered ({angle} degrees): keep the chin level.",
        "ru": "Подбородок поднят или опущен ({angle}°): держите его ровно.",
        "kk": "Иек көтерілген не төмен түскен ({angle}°): иегіңізді түзу ұстаңыз."},
    "pose_pitch.warn": {
        "en": "The chin may be slightly raised or lowered: to be safe, keep it level.",
        "ru": "Подбородок, возможно, слегка поднят или опущен: для надёжности держите его ровно.",
        "kk": "Иек сәл көтерілуі не түсуі мүмкін: сенімді болу үшін түзу ұстаңыз."},
    "eyes_open.fail": {
        "en": "The eyes look closed: take the photo again with both eyes open.",
        "ru": "Глаза выглядят закрытыми: переснимите с открытыми глазами.",
        "kk": "Көз жұмулы сияқты: екі көзіңізді ашып қайта түсіріңіз."},
    "eyes_open.warn": {
        "en": "The eyes look narrow: open them fully.",
        "ru": "Глаза прищурены: откройте их полностью.",
        "kk": "Көз қысыңқы: көзіңізді толық ашыңыз."},
    "mouth_closed.fail": {
        "en": "The mouth is open: close the lips and keep a neutral expression.",
        "ru": "Рот открыт: сомкните губы, выражение лица нейтральное.",
        "kk": "Ауыз ашық: ерніңізді жабыңыз, бет әлпеті бейтарап болсын."},
    "sunglasses.fail": {
        "en": "Tinted glasses hide the eyes: take them off.",
        "ru": "Тёмные очки закрывают глаза: снимите их.",
        "kk": "Күңгірт көзілдірік көзді жасырады: оны шешіңіз."},
    "glasses.fail": {
        "en": "This photo must be taken without glasses: take them off.",
        "ru": "Для этого документа фото делают без очков: снимите их.",
        "kk": "Бұл құжатқа сурет көзілдіріксіз түсіріледі: көзілдірікті шешіңіз."},
    "glasses.warn": {
        "en": "Glasses may be seen: make sure they do not reflect light or hide the eyes.",
        "ru": "Видны очки: убедитесь, что на них нет бликов и глаза хорошо видны.",
        "kk": "Көзілдірік көрінеді: жылтыр жоқ екеніне және көз анық көрінетініне көз жеткізіңіз."},
    "glare.fail": {
        "en": "Strong reflections on the face or glasses: turn away from the light source.",
        "ru": "Сильные блики на лице или очках: отвернитесь от источника света.",
        "kk": "Бетте не көзілдірікте қатты жылтыр бар: жарық көзінен бұрылыңыз."},
    "glare.warn": {
        "en": "Some reflections on the face or glasses.",
        "ru": "Есть небольшие блики на лице или очках.",
        "kk": "Бетте не көзілдірікте аздаған жылтыр бар."},
    "headwear.fail": {
        "en": "A cap or hat is seen: remove it and take the photo again.",
        "ru": "Виден головной убор: снимите его и переснимите.",
        "kk": "Бас киім көрінеді: оны шешіп, қайта түсіріңіз."},
    "occlusion.fail": {
        "en": "Something covers part of the face: move hands, hair and objects away from it.",
        "ru": "Часть лица закрыта: уберите от лица руки, волосы и предметы.",
        "kk": "Беттің бір бөлігі жабылған: қолды, шашты және заттарды беттен алыңыз."},
    "background.fail": {
        "en": "The background is not plain and light enough; making the photo replaces it automatically.",
        "ru": "Фон недостаточно ровный и светлый; при изготовлении фото он заменяется автоматически.",
        "kk": "Фон жеткілікті біркелкі әрі ашық емес; сурет жасалғанда ол автоматты түрде ауыстырылады."},
    "background.warn": {
        "en": "Too little background is visible to judge it.",
        "ru": "Фона видно слишком мало, чтобы его оценить.",
        "kk": "Фонды бағалау үшін ол тым аз көрінеді."},
    "lighting.warn": {
        "en": "The light on the face is uneven: face a window or a soft lamp.",
        "ru": "Лицо освещено неравномерно: встаньте лицом к окну или мягкому свету.",
        "kk": "Бетке жарық біркелкі түспейді: терезеге не жұмсақ шамға қарап тұрыңыз."},
    "sharpness.fail": {
        "en": "The face is blurred: hold the camera still and take the photo again.",
        "ru": "Лицо размыто: держите камеру неподвижно и переснимите.",
        "kk": "Бет бұлыңғыр: камераны қозғалтпай ұстап, қайта түсіріңіз."},
    "sharpness.warn": {
        "en": "The face is slightly soft.",
        "ru": "Лицо немного нерезкое.",
        "kk": "Бет сәл бұлыңғыр."},
    "exposure.fail": {
        "en": "The face is too dark or too bright: take the photo again in even daylight.",
        "ru": "Лицо слишком тёмное или слишком светлое: переснимите при ровном дневном свете.",
        "kk": "Бет тым қараңғы не тым ашық: біркелкі күндізгі жарықта қайта түсіріңіз."},
    "exposure.warn": {
        "en": "Parts of the face are blown out or black.",
        "ru": "Часть лица пересвечена или слишком тёмная.",
        "kk": "Беттің бір бөлігі тым ашық не тым қараңғы."},
    "colour.fail": {
        "en": "The photo must be in colour: use a colour photo.",
        "ru": "Фото должно быть цветным: загрузите цветной снимок.",
        "kk": "Сурет түрлі түсті болуы керек: түрлі түсті сурет жүктеңіз."},
    "colour.warn": {
        "en": "The colours were converted; check that they look natural.",
        "ru": "Цвета были преобразованы; проверьте, что они выглядят естественно.",
        "kk": "Түстер түрлендірілді; олардың табиғи көрінетінін тексеріңіз."},
}

# Problems with the upload the page itself finds (the engine's own errors are in notes.ERROR_MESSAGES).
ERRORS: dict[str, dict[str, str]] = {
    "too_large": {
        "en": "The file is larger than {limit} MB. Upload a smaller photo.",
        "ru": "Файл больше {limit} МБ. Загрузите фото меньшего размера.",
        "kk": "Файл {limit} МБ-тан үлкен. Көлемі кішірек сурет жүктеңіз."},
    "no_file": {
        "en": "Choose a photo to upload first.",
        "ru": "Сначала выберите фото для загрузки.",
        "kk": "Алдымен жүктейтін суретті таңдаңыз."},
    "unknown_profile": {
        "en": "Choose a document from the list.",
        "ru": "Выберите документ из списка.",
        "kk": "Тізімнен құжатты таңдаңыз."},
    "busy": {
        "en": "The server is busy with other photos. Please try again in a minute.",
        "ru": "Сервер занят обработкой других фото. Попробуйте ещё раз через минуту.",
        "kk": "Сервер басқа суреттерді өңдеп жатыр. Бір минуттан кейін қайталап көріңіз."},
    "expired": {
        "en": "This download has expired or does not exist. Make the photo again.",
        "ru": "Срок этой ссылки истёк или её не существует. Сделайте фото заново.",
        "kk": "Бұл сілтеменің мерзімі өтті немесе ол жоқ. Суретті қайта жасаңыз."},
}


# Document names for the photo profiles, by slug (the registry's titles are English).
DOCUMENT_NAMES: dict[str, dict[str, str]] = {
    "kz-id-card-photo": {"en": "Identity card", "ru": "Удостоверение личности", "kk": "Жеке куәлік"},
    "kz-passport-photo": {"en": "Passport", "ru": "Паспорт", "kk": "Паспорт"},
    "kz-driver-licence-photo": {"en": "Driving licence", "ru": "Водительское удостоверение",
                                "kk": "Жүргізуші куәлігі"},
    "kz-egov-upload-photo": {"en": "Photo for an eGov online application",
                             "ru": "Фото для онлайн-заявки на eGov", "kk": "eGov онлайн өтінішіне арналған сурет"},
    "kz-permanent-residence-permit-photo": {"en": "Permanent residence permit",
                                            "ru": "Разрешение на постоянное проживание",
                                            "kk": "Тұрақты тұруға рұқсат"},
    "kz-residence-permit-photo": {"en": "Residence permit of a foreigner", "ru": "Вид на жительство иностранца",
                                  "kk": "Шетелдіктің тұруға ықтиярхаты"},
    "kz-stateless-person-certificate-photo": {"en": "Certificate of a stateless person",
                                              "ru": "Удостоверение лица без гражданства",
                                              "kk": "Азаматтығы жоқ адамның куәлігі"},
    "kz-visa-photo": {"en": "Visa of Kazakhstan", "ru": "Виза Республики Казахстан", "kk": "Қазақстан визасы"},
}

# The page's own words.
PAGE: dict[str, dict[str, str]] = {
    "title": {"en": "Make a document photo", "ru": "Фото на документы", "kk": "Құжатқа сурет жасау"},
    "intro": {
        "en": "Upload a portrait, choose the document, and get a photo cropped to its rules, with a check of "
              "every rule. Your photo is not stored: the results can be downloaded for 15 minutes by you only.",
        "ru": "Загрузите портрет, выберите документ и получите фото, обрезанное по его требованиям, с проверкой "
              "каждого требования. Ваше фото не хранится: результат можно скачать в течение 15 минут, и только вам.",
        "kk": "Портретті жүктеп, құжатты таңдаңыз: оның талаптарына сай қиылған суретті әр талаптың тексерісімен "
              "бірге аласыз. Суретіңіз сақталмайды: нәтижені 15 минут ішінде тек өзіңіз жүктей аласыз."},
    "portrait": {"en": "Your portrait", "ru": "Ваш портрет", "kk": "Сіздің портретіңіз"},
    "portrait_hint": {
        "en": "A photo of your face from the front, in even light; JPEG, PNG, WebP or HEIC, up to 25 MB.",
        "ru": "Фото лица анфас при ровном свете; JPEG, PNG, WebP или HEIC, до 25 МБ.",
        "kk": "Беттің алдынан, біркелкі жарықта түсірілген сурет; JPEG, PNG, WebP не HEIC, 25 МБ-қа дейін."},
    "drop": {"en": "or drop the photo here", "ru": "или перетащите фото сюда", "kk": "немесе суретті осында сүйреңіз"},
    "document": {"en": "Document", "ru": "Документ", "kk": "Құжат"},
    "print_size": {"en": "print", "ru": "печать", "kk": "баспа"},
    "digital_size": {"en": "file", "ru": "файл", "kk": "файл"},
    "paper": {"en": "Print sheet", "ru": "Лист для печати", "kk": "Басып шығаратын парақ"},
    "submit": {"en": "Make the photo", "ru": "Сделать фото", "kk": "Суретті жасау"},
    "working": {"en": "Making your photo, this takes a few seconds…", "ru": "Делаем фото, это займёт несколько "
                "секунд…", "kk": "Суретіңіз жасалып жатыр, бұл бірнеше секунд алады…"},
    "uploading": {"en": "Uploading", "ru": "Загрузка", "kk": "Жүктелуде"},
    "compliant": {"en": "The photo meets the rules of this document.",
                  "ru": "Фото соответствует требованиям этого документа.",
                  "kk": "Сурет осы құжаттың талаптарына сай."},
    "not_compliant": {"en": "The photo does not meet the rules yet. What to do:",
                      "ru": "Фото пока не соответствует требованиям. Что сделать:",
                      "kk": "Сурет әзірге талаптарға сай емес. Не істеу керек:"},
    "not_compliant_sheet": {"en": "Do not submit this photo: the print sheet is stamped as not compliant.",
                            "ru": "Не подавайте это фото: на листе для печати стоит отметка о несоответствии.",
                            "kk": "Бұл суретті тапсырмаңыз: басып шығаратын парақта талапқа сай емес деген белгі "
                                  "бар."},
    "to_consider": {"en": "Worth a look:", "ru": "Обратите внимание:", "kk": "Назар аударыңыз:"},
    "digital_file": {"en": "Digital file", "ru": "Цифровой файл", "kk": "Цифрлық файл"},
    "preview": {"en": "Checked preview", "ru": "Проверка по линиям", "kk": "Сызықтармен тексеру"},
    "download_photo": {"en": "Download the digital file", "ru": "Скачать цифровой файл",
                       "kk": "Цифрлық файлды жүктеу"},
    "download_sheet": {"en": "Download the print sheet", "ru": "Скачать лист для печати",
                       "kk": "Басып шығаратын парақты жүктеу"},
    "expires": {"en": "The downloads work for 15 minutes.", "ru": "Ссылки действуют 15 минут.",
                "kk": "Сілтемелер 15 минут жұмыс істейді."},
    "checks": {"en": "Every check", "ru": "Все проверки", "kk": "Барлық тексеріс"},
    "check": {"en": "check", "ru": "проверка", "kk": "тексеріс"},
    "result": {"en": "result", "ru": "итог", "kk": "нәтиже"},
    "message": {"en": "what we found", "ru": "что обнаружено", "kk": "не анықталды"},
    "rule": {"en": "rule in the registry", "ru": "требование в реестре", "kk": "тізілімдегі талап"},
    "rule_status": {"en": "status", "ru": "статус", "kk": "мәртебесі"},
    "engine_rule": {"en": "our own rule (not in the profile)", "ru": "наше правило (не из профиля)",
                    "kk": "біздің ереже (профильде жоқ)"},
    "profile_version": {"en": "Rules: {title}, version {version}", "ru": "Требования: {title}, версия {version}",
                        "kk": "Талаптар: {title}, {version}-нұсқа"},
    "status_pass": {"en": "pass", "ru": "в порядке", "kk": "дұрыс"},
    "status_warn": {"en": "check", "ru": "внимание", "kk": "назар аударыңыз"},
    "status_fail": {"en": "FAIL", "ru": "НЕ ПРОЙДЕНО", "kk": "ӨТПЕДІ"},
    "status_legend": {
        "en": "official: stated by the official source for this document; official (general rule): a general "
              "official rule the document follows; inferred: not published, derived by us (the registry says how).",
        "ru": "официально: указано в официальном источнике для этого документа; общее правило: общее официальное "
              "требование, которому следует документ; выведено: не опубликовано, выведено нами (в реестре "
              "сказано как).",
        "kk": "ресми: осы құжаттың ресми дереккөзінде көрсетілген; жалпы ереже: құжат бағынатын жалпы ресми "
              "талап; тұжырымдалған: жарияланбаған, біз тұжырымдадық (тізілімде қалай екені жазылған)."},
    "again": {"en": "Make another photo", "ru": "Сделать другое фото", "kk": "Басқа сурет жасау"},
    "error_title": {"en": "The photo could not be made", "ru": "Не удалось сделать фото",
                    "kk": "Суретті жасау мүмкін болмады"},
    "enlarge": {"en": "opens full size", "ru": "открывается в полном размере", "kk": "толық өлшемде ашылады"},
    "paper_10x15": {"en": "10 × 15 cm", "ru": "10 × 15 см", "kk": "10 × 15 см"},
    "paper_a4": {"en": "A4", "ru": "A4", "kk": "A4"},
    "mm": {"en": "mm", "ru": "мм", "kk": "мм"},
    "kb": {"en": "KB", "ru": "КБ", "kk": "КБ"},
    "notes": {"en": "Notes", "ru": "Примечания", "kk": "Ескертпелер"},
    "language": {"en": "Language", "ru": "Язык", "kk": "Тіл"},
    "registry": {"en": "registry", "ru": "реестр", "kk": "тізілім"},
    **STATUS_LABELS,  # the registry's words for a rule's status, as on the checklist
}

