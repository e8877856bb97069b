### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Brochure: rights of and help for foreigners and stateless persons.
### Not legal advice.

rights-campaign-title = حقوقكم وأين تجدون المساعدة
rights-title = حقوقكم وأين تجدون المساعدة
rights-subtitle = للأجانب والأشخاص عديمي الجنسية في أذربيجان
rights-stateless-title = من هو الشخص عديم الجنسية؟
rights-stateless-definition = الشخص عديم الجنسية هو شخص لا تعتبره أي دولة مواطنًا فيها بمقتضى تشريعها.
rights-stateless-conventions = أذربيجان طرف في الاتفاقية الخاصة بوضع الأشخاص عديمي الجنسية لعام 1954 وفي اتفاقية خفض حالات انعدام الجنسية لعام 1961.
rights-register-title = سجّلوا مكان إقامتكم
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    إذا كنتم ستبقون لأكثر من { $days ->
        [zero] { $days } يوم
        [one] { $days } يوم
        [two] { $days } يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }، فسجّلوا مكان إقامتكم خلال { $days ->
        [zero] { $days } يوم
        [one] { $days } يوم
        [two] { $days } يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    } من وصولكم.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    بعد الانتقال، سجّلوا عنوانكم الجديد خلال { $move-days ->
        [zero] { $move-days } يوم عمل
        [one] { $move-days } يوم عمل
        [two] { $move-days } يومَي عمل
        [few] { $move-days } أيام عمل
        [many] { $move-days } يوم عمل
       *[other] { $move-days } يوم عمل
    }.
rights-detained-title = إذا تم احتجازكم
rights-detained-information = اطلبوا معلومات عن حقوقكم بلغة تفهمونها.
rights-detained-interpreter = اطلبوا مترجمًا شفويًا إذا كنتم لا تفهمون اللغة المستخدمة في الحديث.
rights-detained-contact = اطلبوا إبلاغ أحد أفراد أسرتكم أو محامٍ أو قنصلية بلدكم.
rights-detained-note = تستند هذه النقاط إلى المعايير الدولية الخاصة بالأشخاص المحرومين من حريتهم. هذا الكتيّب ليس استشارة قانونية.
rights-help-title = أين تجدون المساعدة
rights-help-intro = يجيب مركز الاتصال عن الأسئلة المتعلقة بالتسجيل والتصاريح ووضعكم القانوني.
