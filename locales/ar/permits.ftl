### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Tri-fold leaflet: residence and work permits.
### Panels are 97–100 mm wide: keep translations about as long as the English.

permits-campaign-title = تصاريح الإقامة والعمل
permits-title = تصاريح الإقامة والعمل
permits-subtitle = ما يجب أن يعرفه الأجانب والأشخاص عديمو الجنسية
permits-temp-title = الإقامة المؤقتة
permits-temp-intro = تُصدر { -service-name } تصريح الإقامة المؤقتة على شكل بطاقة تصريح. ومن أسباب منحه:
permits-ground-family = صلة قرابة وثيقة بمواطن أذربيجاني؛
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = استثمار لا يقل عن { $investment } مانات؛
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = عقار أو وديعة مصرفية لا تقل قيمتها عن { $deposit } مانات؛
permits-ground-specialist = العمل بصفة اختصاصي عالي التأهيل.
permits-when-title = متى تقدّمون الطلب
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    قدّموا الطلب قبل { $apply-days ->
        [zero] { $apply-days } يوم
        [one] { $apply-days } يوم
        [two] { $apply-days } يومين
        [few] { $apply-days } أيام
        [many] { $apply-days } يومًا
       *[other] { $apply-days } يوم
    } على الأقل من انتهاء مدة بقائكم أو إقامتكم الحالية.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    للحصول على تصريح الإقامة الدائمة، قدّموا الطلب قبل { $perm-months ->
        [zero] { $perm-months } شهر
        [one] { $perm-months } شهر
        [two] { $perm-months } شهرين
        [few] { $perm-months } أشهر
        [many] { $perm-months } شهرًا
       *[other] { $perm-months } شهر
    } على الأقل من انتهاء تصريحكم المؤقت. ويصدر التصريح لمدة { $perm-years ->
        [zero] { $perm-years } سنة
        [one] { $perm-years } سنة
        [two] { $perm-years } سنتين
        [few] { $perm-years } سنوات
        [many] { $perm-years } سنة
       *[other] { $perm-years } سنة
    } وهو قابل للتجديد.
permits-work-title = تصاريح العمل
permits-work-employer = صاحب العمل هو من يقدّم طلب تصريح العمل، وليس أنتم.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    يصدر التصريح لمدة { $wp-years ->
        [zero] { $wp-years } سنة
        [one] { $wp-years } سنة
        [two] { $wp-years } سنتين
        [few] { $wp-years } سنوات
        [many] { $wp-years } سنة
       *[other] { $wp-years } سنة
    }، أو لمدة عقدكم إذا كانت أقصر.
permits-work-extend = يمكن تمديده، في كل مرة لمدة أقصاها سنة واحدة.
permits-work-one-employer = التصريح صالح لصاحب عمل واحد فقط.
permits-work-exempt = بعض الأشخاص لا يحتاجون إلى تصريح عمل، مثل زوج أو زوجة مواطن أذربيجاني. اسألوا مركز الاتصال إن كان ذلك ينطبق عليكم.
permits-checklist-title = قبل تقديم الطلب
permits-check-date = تحقّقوا من تاريخ انتهاء تصريحكم الحالي أو مدة بقائكم.
permits-check-documents = تأكّدوا من أن جواز سفركم ساري المفعول.
permits-check-ask = اسألوا مركز الاتصال عن المستندات التي تحتاجها حالتكم.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = الإقامة الدائمة
permits-bring-title = ما يجب إحضاره
permits-bring-form = استمارة طلب مستوفاة؛
permits-bring-passport = جواز سفركم ونسخة منه؛
permits-bring-photos = صور شخصية حديثة بمقاس صورة جواز السفر؛
permits-bring-grounds = مستندات تثبت سبب طلبكم، مثل عقد الزواج أو عقد العمل.
