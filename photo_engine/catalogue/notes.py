"""What reading and making a photo note about the file, and every error of a file, by message id."""

from __future__ import annotations

NOTE_MESSAGES: dict[str, dict[str, str]] = {
    # reading the source (photo_engine.reading.source)
    "note.deep_colour_reduced": {
        "en": "16-bit colour image reduced to 8 bits", "ru": "16-битное цветное изображение сведено к 8 битам",
        "kk": "16 биттік түрлі түсті сурет 8 битке келтірілді"},
    "note.exif_turned": {
        "en": "EXIF orientation {orientation} applied (image turned upright)",
        "ru": "применена ориентация EXIF {orientation} (изображение повёрнуто вертикально)",
        "kk": "EXIF бағдары {orientation} қолданылды (сурет тік бұрылды)"},
    "note.cmyk_converted": {
        "en": "CMYK image converted to sRGB; check the colours of the result",
        "ru": "изображение CMYK преобразовано в sRGB; проверьте цвета результата",
        "kk": "CMYK суреті sRGB-ге түрлендірілді; нәтиженің түстерін тексеріңіз"},
    "note.deep_grey_reduced": {
        "en": "{bits}-bit greyscale image reduced to 8 bits",
        "ru": "{bits}-битное чёрно-белое изображение сведено к 8 битам",
        "kk": "{bits} биттік ақ-қара сурет 8 битке келтірілді"},
    "note.transparency_flattened": {
        "en": "transparent areas flattened onto white", "ru": "прозрачные области залиты белым",
        "kk": "мөлдір аймақтар ақ түспен толтырылды"},
    "note.one_channel": {
        "en": "greyscale image (one channel)", "ru": "чёрно-белое изображение (один канал)",
        "kk": "ақ-қара сурет (бір арна)"},
    "note.icc_unreadable": {
        "en": "embedded colour profile unreadable; pixels taken as sRGB",
        "ru": "встроенный цветовой профиль не читается; пиксели приняты как sRGB",
        "kk": "ендірілген түс профилі оқылмайды; пиксельдер sRGB ретінде алынды"},
    "note.icc_unconverted": {
        "en": "colour profile '{profile}' could not be converted; taken as sRGB",
        "ru": "цветовой профиль '{profile}' не удалось преобразовать; принят как sRGB",
        "kk": "'{profile}' түс профилін түрлендіру мүмкін болмады; sRGB ретінде алынды"},
    "note.icc_converted": {
        "en": "colour profile '{profile}' converted to sRGB", "ru": "цветовой профиль '{profile}' преобразован в sRGB",
        "kk": "'{profile}' түс профилі sRGB-ге түрлендірілді"},
    # planning the frame (photo_engine.outputs.geometry)
    "note.eye_line_moved": {
        "en": "head moved to put the eye line inside the profile's band",
        "ru": "голова сдвинута, чтобы линия глаз попала в диапазон профиля",
        "kk": "көз сызығы профиль аралығына түсуі үшін бас жылжытылды"},
    "note.head_resized_for_room": {
        "en": "head made {ratio} % of the height to leave room above it at that eye line",
        "ru": "голова уменьшена до {ratio} % высоты, чтобы при этой линии глаз над ней осталось место",
        "kk": "осы көз сызығында бастың үстінде орын қалуы үшін бас биіктіктің {ratio} %-ына келтірілді"},
    "note.levelled": {
        "en": "rotated {angle} degrees to level the eyes", "ru": "повёрнуто на {angle}°, чтобы выровнять глаза",
        "kk": "көзді түзулеу үшін {angle}° бұрылды"},
    "note.tilt_too_large": {
        "en": "head roll {angle} degrees is too large to rotate away",
        "ru": "наклон головы {angle}° слишком велик, чтобы выровнять его поворотом",
        "kk": "бастың {angle}° қисаюы бұру арқылы түзету үшін тым үлкен"},
    # making the photo (photo_engine.pipeline)
    "note.padded": {
        "en": "the frame reaches past the source image; the gap is filled with background",
        "ru": "кадр выходит за границы снимка; пустое место заполнено фоном",
        "kk": "кадр суреттің шегінен шығады; бос орын фонмен толтырылды"},
    "note.sheet_stamped": {
        "en": "the print sheet is stamped NOT COMPLIANT: the photo fails {checks}",
        "ru": "на листе для печати стоит отметка НЕ СООТВЕТСТВУЕТ: фото не прошло проверки: {checks}",
        "kk": "басып шығаратын парақта ТАЛАПҚА САЙ ЕМЕС белгісі бар: сурет мына тексерістерден өтпеді: {checks}"},
    "note.copies_short": {
        "en": "the profile needs {copies} copies but only {fits} fit on {paper}",
        "ru": "профиль требует {copies} экз., но на лист {paper} помещается только {fits}",
        "kk": "профильге {copies} дана керек, бірақ {paper} парағына тек {fits} дана сыяды"},
    "note.background_replaced": {
        "en": "the background was replaced: the source background fails the profile",
        "ru": "фон заменён: фон исходного снимка не соответствует профилю",
        "kk": "фон ауыстырылды: бастапқы суреттің фоны профильге сай емес"},
    "note.background_replaced_unsure": {
        "en": "the background was replaced: the source background may not be plain enough for the profile",
        "ru": "фон заменён: фон исходного снимка может оказаться недостаточно однородным для профиля",
        "kk": "фон ауыстырылды: бастапқы суреттің фоны профиль үшін жеткілікті біркелкі болмауы мүмкін"},
    "note.background_replaced_padding": {
        "en": "the background was replaced so that the space added around the photo matches it without a seam",
        "ru": "фон заменён, чтобы добавленное вокруг снимка поле сливалось с ним без шва",
        "kk": "фон ауыстырылды: сурет айналасына қосылған бос орын онымен жіксіз үйлесуі үшін"},
}

# The words of `kzdocs photo check` and `make` around the checks (their --lang).
REPORT_MESSAGES: dict[str, dict[str, str]] = {
    "report.compliant": {"en": "compliant", "ru": "соответствует", "kk": "талапқа сай"},
    "report.not_compliant": {"en": "not compliant", "ru": "не соответствует", "kk": "талапқа сай емес"},
    "report.fixable": {
        "en": "not compliant, fixable by make", "ru": "не соответствует, исправимо командой make",
        "kk": "талапқа сай емес, make арқылы түзетуге болады"},
    "report.error": {"en": "ERROR {problem}", "ru": "ОШИБКА {problem}", "kk": "ҚАТЕ {problem}"},
    "report.note": {"en": "note: {note}", "ru": "примечание: {note}", "kk": "ескертпе: {note}"},
    "report.defaults_used": {
        "en": "defaults used (no rule in the profile): {keys}",
        "ru": "использованы значения по умолчанию (в профиле нет правила): {keys}",
        "kk": "әдепкі мәндер қолданылды (профильде ереже жоқ): {keys}"},
    "report.wrote": {"en": "wrote {kind}: {path}", "ru": "записано ({kind}): {path}", "kk": "жазылды ({kind}): {path}"},
    "report.background_replaced": {"en": "background replaced", "ru": "фон заменён", "kk": "фон ауыстырылды"},
    "report.background_kept": {"en": "background kept", "ru": "фон сохранён", "kk": "фон сақталды"},
}

# Errors of the engine (photo_engine.errors): each exception carries one of these ids and its parameters.
ERROR_MESSAGES: dict[str, dict[str, str]] = {
    "error.not_an_image": {
        "en": "not an image file we can read (JPEG, PNG, WebP, HEIC, TIFF, BMP)",
        "ru": "это не изображение, которое мы можем прочитать (JPEG, PNG, WebP, HEIC, TIFF, BMP)",
        "kk": "бұл біз оқи алатын сурет файлы емес (JPEG, PNG, WebP, HEIC, TIFF, BMP)"},
    "error.empty_file": {"en": "the file is empty", "ru": "файл пустой", "kk": "файл бос"},
    "error.file_too_big": {
        "en": "the file is {size} MB, over the {limit} MB limit for a portrait; export a smaller JPEG",
        "ru": "размер файла {size} МБ, а для портрета допускается не больше {limit} МБ; сохраните JPEG поменьше",
        "kk": "файл көлемі {size} МБ, ал портрет үшін шегі {limit} МБ; кішірек JPEG сақтаңыз"},
    "error.no_such_file": {"en": "no such file", "ru": "такого файла нет", "kk": "мұндай файл жоқ"},
    "error.is_folder": {
        "en": "is a directory, not an image", "ru": "это папка, а не изображение", "kk": "бұл сурет емес, бума"},
    "error.cannot_read": {
        "en": "cannot read the file ({reason})", "ru": "не удаётся прочитать файл ({reason})",
        "kk": "файлды оқу мүмкін емес ({reason})"},
    "error.truncated": {
        "en": "the image file is truncated or damaged; export or download it again",
        "ru": "файл изображения неполный или повреждён; сохраните или скачайте его заново",
        "kk": "сурет файлы толық емес не бүлінген; оны қайта сақтаңыз не жүктеп алыңыз"},
    "error.damaged": {
        "en": "the image data is damaged and cannot be decoded ({decoder_error})",
        "ru": "данные изображения повреждены, их не удаётся декодировать ({decoder_error})",
        "kk": "сурет деректері бүлінген, оларды ашу мүмкін емес ({decoder_error})"},
    "error.decoder_failed": {
        "en": "the image made the decoder fail; save it again in another format",
        "ru": "изображение вызвало сбой декодера; сохраните его заново в другом формате",
        "kk": "сурет декодердің істен шығуына әкелді; оны басқа форматта қайта сақтаңыз"},
    "error.decompression_bomb": {
        "en": "{width} x {height} px ({megapixels} MP) is over the {limit} MP limit; this looks like a "
              "decompression bomb or an unreasonably large image - resize it first",
        "ru": "{width} x {height} px ({megapixels} Мпикс) больше предела {limit} Мпикс; это похоже на "
              "«декомпрессионную бомбу» или чрезмерно большое изображение - сначала уменьшите его",
        "kk": "{width} x {height} px ({megapixels} Мпикс) {limit} Мпикс шегінен асады; бұл «декомпрессиялық "
              "бомбаға» не тым үлкен суретке ұқсайды - алдымен оны кішірейтіңіз"},
    "error.image_too_small": {
        "en": "{width} x {height} px is far too small to hold a portrait",
        "ru": "{width} x {height} px - слишком мало для портрета",
        "kk": "{width} x {height} px портрет үшін тым кішкентай"},
    "error.no_colour_channels": {
        "en": "the decoded image has no usable colour channels",
        "ru": "в декодированном изображении нет пригодных цветовых каналов",
        "kk": "ашылған суретте жарамды түс арналары жоқ"},
    "error.no_face": {
        "en": "no face found; use a portrait with the whole face visible and facing the camera",
        "ru": "лицо не найдено; загрузите портрет, где лицо видно полностью и обращено к камере",
        "kk": "бет табылмады; беті толық көрінетін, камераға қарап тұрған портрет жүктеңіз"},
    "error.several_faces": {
        "en": "{count} faces found; a document photo shows exactly one person - crop the others out",
        "ru": "найдено лиц: {count}; на фото для документа ровно один человек - обрежьте остальных",
        "kk": "{count} бет табылды; құжатқа арналған суретте тек бір адам болады - қалғандарын қиып тастаңыз"},
    "error.face_too_small": {
        "en": "the face is too small to measure (the head spans {head_px} px, the photo needs {need_px}: "
              "{missing} px missing); use a closer or larger portrait",
        "ru": "лицо слишком маленькое для измерения (голова занимает {head_px} px, для фото нужно {need_px}: "
              "не хватает {missing} px); загрузите портрет крупнее или снятый ближе",
        "kk": "бет өлшеу үшін тым кішкентай (бас {head_px} px алады, суретке {need_px} керек: {missing} px "
              "жетпейді); жақынырақ не үлкенірек портрет жүктеңіз"},
    "error.font_missing": {
        "en": "the font to draw labels with is missing; reinstall kzdocs (matplotlib ships it)",
        "ru": "нет шрифта для подписей; переустановите kzdocs (шрифт поставляется с matplotlib)",
        "kk": "белгілерді салатын қаріп жоқ; kzdocs-ты қайта орнатыңыз (қаріп matplotlib-пен бірге келеді)"},
    "error.no_labels": {
        "en": "no labels.csv in the evaluation folder", "ru": "в папке для оценки нет labels.csv",
        "kk": "бағалау бумасында labels.csv жоқ"},
    "error.profile_not_photo": {
        "en": "profile '{slug}' is a {kind} profile, not a photo profile; pick one ending in -photo",
        "ru": "профиль '{slug}' - это профиль типа {kind}, а не фото; выберите профиль, оканчивающийся на -photo",
        "kk": "'{slug}' профилі - {kind} профилі, сурет профилі емес; -photo деп аяқталатын профильді таңдаңыз"},
    "error.profile_incomplete": {
        "en": "profile '{slug}' v{version} cannot drive the photo engine: {problem}",
        "ru": "профиль '{slug}' v{version} непригоден для фото: {problem}",
        "kk": "'{slug}' v{version} профилі сурет жасауға жарамсыз: {problem}"},
    "error.output_not_writable": {
        "en": "cannot write output ({problem})", "ru": "не удаётся записать результат ({problem})",
        "kk": "нәтижені жазу мүмкін емес ({problem})"},
    "error.output_is_input": {
        "en": "the output path is the input image; inputs are never modified - choose another -o",
        "ru": "путь результата совпадает с исходным изображением; исходники никогда не изменяются - укажите "
              "другой -o",
        "kk": "нәтиже жолы бастапқы суретпен бірдей; бастапқы файлдар ешқашан өзгертілмейді - басқа -o көрсетіңіз"},
    "error.size_unreachable": {
        "en": "cannot get the JPEG under {limit} KB (smallest at acceptable quality: {smallest} KB)",
        "ru": "не удаётся уменьшить JPEG до {limit} КБ (наименьший при приемлемом качестве: {smallest} КБ)",
        "kk": "JPEG файлын {limit} КБ-қа дейін кішірейту мүмкін емес (қолайлы сападағы ең кішісі: {smallest} КБ)"},
    "error.output_exists": {
        "en": "already exists; choose another output or pass --overwrite to replace it",
        "ru": "уже существует; укажите другой путь или добавьте --overwrite, чтобы заменить файл",
        "kk": "бұрыннан бар; басқа жол таңдаңыз немесе ауыстыру үшін --overwrite қосыңыз"},
}
