### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Повідомлення, спільні для всіх кампаній.
### ЗРАЗОК ВМІСТУ: написано для демонстраційного робочого простору pamphlet.
### Перш ніж щось друкувати, переклади мають перевірити носії мови.

## Терміни: назви, які не змінюються, де б вони не траплялися.

-service-name = Державна міграційна служба
-asan = «ASAN xidmət»

## Організація, що видає документ

org-name = { -service-name } Азербайджанської Республіки
# Альтернативний текст зразка логотипа в assets/logo.svg.
logo =
    .alt = Логотип служби, що видала документ (зразок зображення)

## Контакти

contact-title = Маєте запитання? Зверніться до нас
contact-call-centre = Кол-центр: { -service-name }
contact-asan = Кол-центр { -asan }
contact-website = Вебсайт
contact-email-registration = Реєстрація електронною поштою

## Вихідні дані

# Показується в кожному документі, доки тексти не перевірено.
sample-notice = Це зразок тексту лише для демонстрації. Перед друком його мають перевірити носії мови та звірити з чинними правилами.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = Чинне з { DATETIME($valid-as-of, dateStyle: "long") }. Видання { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = Як подати заяву
reg-step-online = Подайте заяву онлайн через електронні послуги, які надає { -service-name }.
reg-step-email = Або надішліть документи електронною поштою на адресу { $email }.
reg-step-office = Або зверніться до регіонального управління міграції чи до центру { -asan }.
permits-more-online = Більше інформації в інтернеті
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    Переїхали на нову адресу? Зареєструйтеся знову не пізніше ніж через { $move-days ->
        [one] { $move-days } робочий день
        [few] { $move-days } робочі дні
        [many] { $move-days } робочих днів
       *[other] { $move-days } робочого дня
    }.
rights-register-copies = Зберігайте копії паспорта та інших документів у надійному місці.
