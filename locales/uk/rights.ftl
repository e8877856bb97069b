### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Брошура: права іноземців та осіб без громадянства і допомога їм.
### ЗРАЗОК ВМІСТУ: має бути перевірений носіями мови. Не є юридичною консультацією.

rights-campaign-title = Ваші права і де отримати допомогу
rights-title = Ваші права і де отримати допомогу
rights-subtitle = Для іноземців та осіб без громадянства в Азербайджані
rights-stateless-title = Хто вважається особою без громадянства?
rights-stateless-definition = Особа без громадянства — це людина, яку жодна держава відповідно до свого закону не вважає своїм громадянином.
rights-stateless-conventions = Азербайджан є учасником Конвенції про статус апатридів 1954 року та Конвенції про скорочення безгромадянства 1961 року.
rights-register-title = Зареєструйте місце перебування
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    Якщо строк вашого перебування перевищує { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    }, зареєструйте місце перебування не пізніше ніж через { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } після прибуття.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    Після переїзду зареєструйте нову адресу не пізніше ніж через { $move-days ->
        [one] { $move-days } робочий день
        [few] { $move-days } робочі дні
        [many] { $move-days } робочих днів
       *[other] { $move-days } робочого дня
    }.
rights-detained-title = Якщо вас затримали
rights-detained-information = Попросіть надати інформацію про ваші права мовою, яку ви розумієте.
rights-detained-interpreter = Попросіть перекладача, якщо ви не розумієте мову, якою говорять.
rights-detained-contact = Попросіть повідомити члена вашої родини, адвоката або консульство вашої країни.
rights-detained-note = Ці пункти відповідають міжнародним стандартам щодо осіб, позбавлених волі. Ця брошура не є юридичною консультацією.
rights-help-title = Де отримати допомогу
rights-help-intro = Кол-центр відповідає на запитання про реєстрацію, дозволи та ваш статус.
