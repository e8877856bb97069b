### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Буклет в три сложения: разрешения на проживание и работу.
### ОБРАЗЕЦ СОДЕРЖАНИЯ: должен быть проверен носителями языка.
### Ширина панелей 97–100 мм: переводы должны быть примерно той же длины, что и английский текст.

permits-campaign-title = Разрешения на проживание и работу
permits-title = Разрешения на проживание и работу
permits-subtitle = Что нужно знать иностранцам и лицам без гражданства
permits-temp-title = Временное проживание
permits-temp-intro = { -service-name } выдаёт разрешение на временное проживание в виде удостоверения. Среди оснований:
permits-ground-family = близкое родство с гражданином Азербайджана;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment =
    инвестиции не менее чем на { $investment ->
        [one] { $investment } манат
        [few] { $investment } маната
        [many] { $investment } манатов
       *[other] { $investment } маната
    };
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property =
    недвижимость или банковский вклад стоимостью не менее чем в { $deposit ->
        [one] { $deposit } манат
        [few] { $deposit } маната
        [many] { $deposit } манатов
       *[other] { $deposit } маната
    };
permits-ground-specialist = работа в качестве высококвалифицированного специалиста.
permits-when-title = Когда подавать заявление
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    Подайте заявление не менее чем за { $apply-days ->
        [one] { $apply-days } день
        [few] { $apply-days } дня
        [many] { $apply-days } дней
       *[other] { $apply-days } дня
    } до окончания текущего срока пребывания или проживания.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    Чтобы получить разрешение на постоянное проживание, подайте заявление не менее чем за { $perm-months ->
        [one] { $perm-months } месяц
        [few] { $perm-months } месяца
        [many] { $perm-months } месяцев
       *[other] { $perm-months } месяца
    } до окончания временного разрешения. Это разрешение выдаётся на { $perm-years ->
        [one] { $perm-years } год
        [few] { $perm-years } года
        [many] { $perm-years } лет
       *[other] { $perm-years } года
    } и может быть продлено.
permits-work-title = Разрешения на работу
permits-work-employer = За разрешением на работу обращается Ваш работодатель, а не Вы.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    Разрешение выдаётся на { $wp-years ->
        [one] { $wp-years } год
        [few] { $wp-years } года
        [many] { $wp-years } лет
       *[other] { $wp-years } года
    } или на срок трудового договора, если он короче.
permits-work-extend = Его можно продлевать, каждый раз не более чем на один год.
permits-work-one-employer = Оно действует только для одного работодателя.
permits-work-exempt = Некоторым людям разрешение на работу не нужно, например супругу или супруге гражданина Азербайджана. Узнайте в колл-центре, относится ли это к Вам.
permits-checklist-title = Перед подачей заявления
permits-check-date = Проверьте, когда заканчивается Ваше текущее разрешение или срок пребывания.
permits-check-documents = Убедитесь, что Ваш паспорт действителен.
permits-check-ask = Узнайте в колл-центре, какие документы нужны в Вашем случае.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = Постоянное проживание
permits-bring-title = Что взять с собой
permits-bring-form = заполненное заявление;
permits-bring-passport = паспорт и его копию;
permits-bring-photos = недавние фотографии паспортного формата;
permits-bring-grounds = документы, подтверждающие основание, например свидетельство о браке или трудовой договор.
