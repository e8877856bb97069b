### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Flyer: registering the place of stay.

reg-campaign-title = سجّلوا مكان إقامتكم
reg-title = وصلتم حديثًا إلى أذربيجان؟ سجّلوا مكان إقامتكم
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    يجب على الأجانب والأشخاص عديمي الجنسية الذين يقيمون في أذربيجان لأكثر من { $days ->
        [zero] { $days } يوم
        [one] { $days } يوم
        [two] { $days } يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    } تسجيل مكان إقامتهم لدى { -service-name }.
reg-deadline-title = المهلة
reg-deadline =
    قدّموا الطلب خلال { $days ->
        [zero] { $days } يوم
        [one] { $days } يوم
        [two] { $days } يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    } من تاريخ وصولكم.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = لمواطني كازاخستان، مدة كلٍّ من الفترتين { $days-kz } يومًا.
reg-docs-title = المستندات المطلوبة
reg-doc-form = استمارة طلب مُعبّأة.
reg-doc-passport = نسخة من جواز السفر، بما في ذلك الصفحات التي تحمل التأشيرة وآخر ختم دخول.
reg-fee = التسجيل مجاني: لا توجد رسوم حكومية.

reg-sms = سجّلوا مكان إقامتكم في أذربيجان: migration.gov.az أو { $hotline }.
