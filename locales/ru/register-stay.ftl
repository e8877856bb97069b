### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Листовка: регистрация по месту пребывания.
### ОБРАЗЕЦ СОДЕРЖАНИЯ: должен быть проверен носителями языка.

reg-campaign-title = Зарегистрируйте место пребывания
reg-title = Вы недавно в Азербайджане? Зарегистрируйте место пребывания
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    Иностранцы и лица без гражданства, чей срок пребывания в Азербайджане превышает { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }, обязаны зарегистрировать место пребывания. Регистрацию проводит { -service-name }.
reg-deadline-title = Срок
reg-deadline =
    Подайте заявление не позднее чем через { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } после прибытия.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan =
    Для граждан Казахстана оба срока составляют { $days-kz ->
        [one] { $days-kz } день
        [few] { $days-kz } дня
        [many] { $days-kz } дней
       *[other] { $days-kz } дня
    }.
reg-docs-title = Необходимые документы
reg-doc-form = Заполненный бланк заявления.
reg-doc-passport = Копия паспорта, включая страницы с визой и последней отметкой о въезде.
reg-fee = Регистрация бесплатна: государственная пошлина не взимается.

reg-sms = Зарегистрируйте место пребывания в Азербайджане: migration.gov.az или { $hotline }.
