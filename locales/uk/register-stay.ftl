### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Листівка: реєстрація місця перебування.
### ЗРАЗОК ВМІСТУ: має бути перевірений носіями мови.

reg-campaign-title = Зареєструйте місце перебування
reg-title = Ви щойно приїхали до Азербайджану? Зареєструйте місце перебування
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    Іноземці та особи без громадянства, строк перебування яких в Азербайджані перевищує { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    }, мають зареєструвати місце перебування. Реєстрацію проводить { -service-name }.
reg-deadline-title = Строк
reg-deadline =
    Подайте заяву не пізніше ніж через { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } після прибуття.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan =
    Для громадян Казахстану обидва строки становлять { $days-kz ->
        [one] { $days-kz } день
        [few] { $days-kz } дні
        [many] { $days-kz } днів
       *[other] { $days-kz } дня
    }.
reg-docs-title = Потрібні документи
reg-doc-form = Заповнений бланк заяви.
reg-doc-passport = Копія паспорта, зокрема сторінки з візою та останньою відміткою про в’їзд.
reg-fee = Реєстрація безкоштовна: державне мито не стягується.

reg-sms = Зареєструйте місце перебування в Азербайджані: migration.gov.az або { $hotline }.
