### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Flyer: registering the place of stay.

reg-campaign-title = محل اقامت خود را ثبت کنید
reg-title = تازه به آذربایجان آمده‌اید؟ محل اقامت خود را ثبت کنید
# Variables:
#   $days (Number) - days of stay after which registration is required
reg-intro =
    اتباع خارجی و اشخاص بی‌تابعیت که بیش از { $days ->
        [one] { $days } روز
       *[other] { $days } روز
    } در آذربایجان می‌مانند، باید محل اقامت خود را نزد { -service-name } ثبت کنند.
reg-deadline-title = مهلت
reg-deadline =
    ظرف { $days ->
        [one] { $days } روز
       *[other] { $days } روز
    } پس از ورود خود درخواست دهید.
# Variables:
#   $days-kz (Number) - the longer period for citizens of Kazakhstan
reg-kazakhstan = برای شهروندان قزاقستان، هر دو مدت { $days-kz } روز است.
reg-docs-title = مدارک لازم
reg-doc-form = فرم درخواست تکمیل‌شده.
reg-doc-passport = کپی گذرنامه، از جمله صفحه‌های ویزا و آخرین مهر ورود.
reg-fee = ثبت رایگان است: هیچ عوارض دولتی دریافت نمی‌شود.

reg-sms = محل اقامت خود را در آذربایجان ثبت کنید: migration.gov.az یا { $hotline }.
