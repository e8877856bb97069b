### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Broşür: əcnəbilərin və vətəndaşlığı olmayan şəxslərin hüquqları və onlara kömək.
### NÜMUNƏ MƏZMUN: ana dili daşıyıcıları tərəfindən yoxlanılmalıdır. Hüquqi məsləhət deyil.

rights-campaign-title = Hüquqlarınız və haradan kömək almaq olar
rights-title = Hüquqlarınız və haradan kömək almaq olar
rights-subtitle = Azərbaycanda olan əcnəbilər və vətəndaşlığı olmayan şəxslər üçün
rights-stateless-title = Vətəndaşlığı olmayan şəxs kimdir?
rights-stateless-definition = Vətəndaşlığı olmayan şəxs heç bir dövlətin öz qanununa görə vətəndaşı saymadığı şəxsdir.
rights-stateless-conventions = Azərbaycan 1954-cü il «Vətəndaşlığı olmayan şəxslərin statusu haqqında» Konvensiyanın və 1961-ci il «Vətəndaşlığı olmamaq hallarının ixtisar edilməsi haqqında» Konvensiyanın iştirakçısıdır.
rights-register-title = Olduğunuz yer üzrə qeydiyyatdan keçin
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    Əgər { $days ->
        [one] { $days } gündən
       *[other] { $days } gündən
    } artıq qalırsınızsa, gəlişinizdən sonra { $days ->
        [one] { $days } gün
       *[other] { $days } gün
    } ərzində olduğunuz yer üzrə qeydiyyatdan keçin.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    Köçdükdən sonra yeni ünvanınızı { $move-days ->
        [one] { $move-days } iş günü
       *[other] { $move-days } iş günü
    } ərzində qeydiyyata aldırın.
rights-detained-title = Saxlanıldığınız halda
rights-detained-information = Hüquqlarınız haqqında başa düşdüyünüz dildə məlumat istəyin.
rights-detained-interpreter = Danışılan dili başa düşmürsünüzsə, tərcüməçi istəyin.
rights-detained-contact = Ailə üzvünüzə, vəkilə və ya ölkənizin konsulluğuna xəbər verilməsini istəyin.
rights-detained-note = Bu bəndlər azadlıqdan məhrum edilmiş şəxslərlə bağlı beynəlxalq standartlara əsaslanır. Bu broşür hüquqi məsləhət deyil.
rights-help-title = Haradan kömək almaq olar
rights-help-intro = Çağrı mərkəzi qeydiyyat, icazələr və statusunuzla bağlı suallara cavab verir.
