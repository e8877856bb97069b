### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Брошюра: права иностранцев и лиц без гражданства и помощь им.
### ОБРАЗЕЦ СОДЕРЖАНИЯ: должен быть проверен носителями языка. Не является юридической консультацией.

rights-campaign-title = Ваши права и куда обращаться за помощью
rights-title = Ваши права и куда обращаться за помощью
rights-subtitle = Для иностранцев и лиц без гражданства в Азербайджане
rights-stateless-title = Кто считается лицом без гражданства?
rights-stateless-definition = Лицо без гражданства — это человек, которого ни одно государство в силу своего закона не считает своим гражданином.
rights-stateless-conventions = Азербайджан является участником Конвенции о статусе апатридов 1954 года и Конвенции о сокращении безгражданства 1961 года.
rights-register-title = Зарегистрируйте место пребывания
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    Если срок Вашего пребывания превышает { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }, зарегистрируйте место пребывания не позднее чем через { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } после прибытия.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    После переезда зарегистрируйте новый адрес не позднее чем через { $move-days ->
        [one] { $move-days } рабочий день
        [few] { $move-days } рабочих дня
        [many] { $move-days } рабочих дней
       *[other] { $move-days } рабочего дня
    }.
rights-detained-title = Если Вас задержали
rights-detained-information = Попросите информацию о Ваших правах на понятном Вам языке.
rights-detained-interpreter = Попросите переводчика, если Вы не понимаете язык, на котором говорят.
rights-detained-contact = Попросите уведомить члена Вашей семьи, адвоката или консульство Вашей страны.
rights-detained-note = Эти пункты соответствуют международным стандартам в отношении лиц, лишённых свободы. Эта брошюра не является юридической консультацией.
rights-help-title = Куда обращаться за помощью
rights-help-intro = Колл-центр отвечает на вопросы о регистрации, разрешениях и Вашем статусе.
