### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Сообщения, общие для всех кампаний.
### ОБРАЗЕЦ СОДЕРЖАНИЯ: написан для демонстрационного рабочего пространства pamphlet.
### Перед любой печатью переводы должны проверить носители языка.

## Термины: названия, которые не меняются, где бы они ни встречались.

-service-name = Государственная миграционная служба
-asan = «ASAN xidmət»

## Организация, выпускающая документ

org-name = { -service-name } Азербайджанской Республики
# Альтернативный текст образца логотипа в assets/logo.svg.
logo =
    .alt = Логотип службы, выпустившей документ (образец изображения)

## Контакты

contact-title = Есть вопросы? Свяжитесь с нами
contact-call-centre = Колл-центр: { -service-name }
contact-asan = Колл-центр { -asan }
contact-website = Веб-сайт
contact-email-registration = Регистрация по электронной почте

## Выходные данные

# Показывается в каждом документе, пока тексты не проверены.
sample-notice = Это образец текста только для демонстрации. Перед печатью его должны проверить носители языка и сверить с действующими правилами.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = Действительно с { DATETIME($valid-as-of, dateStyle: "long") }. Издание { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = Как подать заявление
reg-step-online = Подайте заявление онлайн через электронные услуги, которые предоставляет { -service-name }.
reg-step-email = Или отправьте документы по электронной почте на адрес { $email }.
reg-step-office = Или обратитесь в региональное управление миграции или в центр { -asan }.
permits-more-online = Подробнее в интернете
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    Переехали на новый адрес? Зарегистрируйтесь снова не позднее чем через { $move-days ->
        [one] { $move-days } рабочий день
        [few] { $move-days } рабочих дня
        [many] { $move-days } рабочих дней
       *[other] { $move-days } рабочего дня
    }.
rights-register-copies = Храните копии паспорта и других документов в надёжном месте.
