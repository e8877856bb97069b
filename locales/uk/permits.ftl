### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Буклет на три складки: дозволи на проживання та роботу.
### ЗРАЗОК ВМІСТУ: має бути перевірений носіями мови.
### Ширина панелей 97–100 мм: переклади мають бути приблизно такої ж довжини, як англійський текст.

permits-campaign-title = Дозволи на проживання та роботу
permits-title = Дозволи на проживання та роботу
permits-subtitle = Що потрібно знати іноземцям та особам без громадянства
permits-temp-title = Тимчасове проживання
permits-temp-intro = { -service-name } видає дозвіл на тимчасове проживання у вигляді посвідчення. Серед підстав:
permits-ground-family = близька спорідненість із громадянином Азербайджану;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment =
    інвестиції щонайменше на { $investment ->
        [one] { $investment } манат
        [few] { $investment } манати
        [many] { $investment } манатів
       *[other] { $investment } маната
    };
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property =
    нерухомість або банківський депозит вартістю щонайменше { $deposit ->
        [one] { $deposit } манат
        [few] { $deposit } манати
        [many] { $deposit } манатів
       *[other] { $deposit } маната
    };
permits-ground-specialist = робота висококваліфікованим фахівцем.
permits-when-title = Коли подавати заяву
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    Подайте заяву щонайменше за { $apply-days ->
        [one] { $apply-days } день
        [few] { $apply-days } дні
        [many] { $apply-days } днів
       *[other] { $apply-days } дня
    } до закінчення поточного строку перебування або проживання.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    Щоб отримати дозвіл на постійне проживання, подайте заяву щонайменше за { $perm-months ->
        [one] { $perm-months } місяць
        [few] { $perm-months } місяці
        [many] { $perm-months } місяців
       *[other] { $perm-months } місяця
    } до закінчення тимчасового дозволу. Цей дозвіл видається на { $perm-years ->
        [one] { $perm-years } рік
        [few] { $perm-years } роки
        [many] { $perm-years } років
       *[other] { $perm-years } року
    } і його можна продовжити.
permits-work-title = Дозволи на роботу
permits-work-employer = Заяву на дозвіл на роботу подає ваш роботодавець, а не ви.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    Дозвіл видається на { $wp-years ->
        [one] { $wp-years } рік
        [few] { $wp-years } роки
        [many] { $wp-years } років
       *[other] { $wp-years } року
    } або на строк трудового договору, якщо він коротший.
permits-work-extend = Його можна продовжувати, щоразу не більше ніж на один рік.
permits-work-one-employer = Він дійсний лише для одного роботодавця.
permits-work-exempt = Деяким людям дозвіл на роботу не потрібен, наприклад чоловікові чи дружині громадянина Азербайджану. Запитайте в кол-центрі, чи стосується це вас.
permits-checklist-title = Перш ніж подати заяву
permits-check-date = Перевірте, коли закінчується ваш поточний дозвіл або строк перебування.
permits-check-documents = Переконайтеся, що ваш паспорт дійсний.
permits-check-ask = Запитайте в кол-центрі, які документи потрібні у вашому випадку.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = Постійне проживання
permits-bring-title = Що взяти з собою
permits-bring-form = заповнену заяву;
permits-bring-passport = паспорт і його копію;
permits-bring-photos = нещодавні фотографії паспортного формату;
permits-bring-grounds = документи, що підтверджують підставу, наприклад свідоцтво про шлюб або трудовий договір.
