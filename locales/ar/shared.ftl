### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Messages shared by every campaign.
### Translations must be reviewed by native speakers before anything is printed.

## Terms: names that stay the same wherever they appear.

-service-name = خدمة الهجرة الحكومية
-asan = خدمة ASAN

## Issuing organization

org-name = { -service-name } في جمهورية أذربيجان
# Alternative text of the sample logo in assets/logo.svg.
logo =
    .alt = شعار الجهة المُصدِرة (صورة نموذجية)

## Contact block

contact-title = هل لديكم أسئلة؟ تواصلوا معنا
contact-call-centre = مركز اتصال { -service-name }
contact-asan = مركز اتصال { -asan }
contact-website = الموقع الإلكتروني
contact-email-registration = التسجيل عبر البريد الإلكتروني

## Imprint

# Shown on every document until the texts have been reviewed.
sample-notice = هذا نص نموذجي للعرض فقط. يجب أن يراجعه متحدثون أصليون باللغة، وأن يُدقَّق وفق القواعد النافذة قبل الطباعة.
# Variables:
#   $valid-as-of (Date) - date from which the content is valid, e.g. 2026-11-01; shown with DATETIME in the long date style
#   $edition (String) - edition number
edition-line = ساري المفعول اعتبارًا من { DATETIME($valid-as-of, dateStyle: "long") }. الطبعة { $edition }.

## Applying, and where to read more: used by the flyer, the leaflet and the brochure.

reg-how-title = طريقة تقديم الطلب
reg-step-online = قدّموا الطلب عبر الإنترنت من خلال الخدمات الإلكترونية التي تقدّمها { -service-name }.
reg-step-email = أو أرسلوا مستنداتكم بالبريد الإلكتروني إلى { $email }.
reg-step-office = أو توجّهوا إلى إحدى إدارات الهجرة الإقليمية أو أحد مراكز { -asan }.
permits-more-online = مزيد من المعلومات على الإنترنت
# Variables:
#   $move-days (Number) - working days to register a new address
reg-moving =
    انتقلتم إلى عنوان جديد؟ سجّلوا مرة أخرى خلال { $move-days ->
        [zero] { $move-days } يوم عمل
        [one] { $move-days } يوم عمل
        [two] { $move-days } يومَي عمل
        [few] { $move-days } أيام عمل
        [many] { $move-days } يوم عمل
       *[other] { $move-days } يوم عمل
    }.
rights-register-copies = احتفظوا بنسخ من جواز سفركم ومستنداتكم في مكان آمن.
