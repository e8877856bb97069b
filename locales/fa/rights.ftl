### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Brochure: rights of and help for foreigners and stateless persons.
### Not legal advice.

rights-campaign-title = حقوق شما و از کجا کمک بگیرید
rights-title = حقوق شما و از کجا کمک بگیرید
rights-subtitle = برای اتباع خارجی و اشخاص بی‌تابعیت در آذربایجان
rights-stateless-title = شخص بی‌تابعیت کیست؟
rights-stateless-definition = شخص بی‌تابعیت کسی است که هیچ کشوری او را بر اساس قانون خود تبعه خود نمی‌داند.
rights-stateless-conventions = آذربایجان عضو کنوانسیون ۱۹۵۴ در مورد وضعیت اشخاص بی‌تابعیت و کنوانسیون ۱۹۶۱ در مورد کاهش بی‌تابعیتی است.
rights-register-title = محل اقامت خود را ثبت کنید
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    اگر بیش از { $days ->
        [one] { $days } روز
       *[other] { $days } روز
    } می‌مانید، محل اقامت خود را ظرف { $days ->
        [one] { $days } روز
       *[other] { $days } روز
    } پس از ورود ثبت کنید.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    پس از نقل مکان، نشانی جدید خود را ظرف { $move-days ->
        [one] { $move-days } روز کاری
       *[other] { $move-days } روز کاری
    } ثبت کنید.
rights-detained-title = اگر بازداشت شدید
rights-detained-information = درخواست کنید درباره حقوق خود به زبانی که می‌فهمید اطلاعات بگیرید.
rights-detained-interpreter = اگر زبانی را که صحبت می‌شود نمی‌فهمید، مترجم شفاهی درخواست کنید.
rights-detained-contact = درخواست کنید یکی از اعضای خانواده، وکیل یا کنسولگری کشورتان را مطلع کنند.
rights-detained-note = این نکات بر اساس استانداردهای بین‌المللی برای افراد محروم از آزادی است. این بروشور مشاوره حقوقی نیست.
rights-help-title = از کجا کمک بگیرید
rights-help-intro = مرکز تماس به پرسش‌ها درباره ثبت، مجوزها و وضعیت شما پاسخ می‌دهد.
