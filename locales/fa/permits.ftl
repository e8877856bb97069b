### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Tri-fold leaflet: residence and work permits.
### Panels are 97–100 mm wide: keep translations about as long as the English.

permits-campaign-title = اجازه اقامت و اجازه کار
permits-title = اجازه اقامت و اجازه کار
permits-subtitle = آنچه اتباع خارجی و اشخاص بی‌تابعیت باید بدانند
permits-temp-title = اقامت موقت
permits-temp-intro = { -service-name } اجازه اقامت موقت را به شکل کارت مجوز صادر می‌کند. برخی از دلایل صدور آن:
permits-ground-family = خویشاوندی نزدیک با یک شهروند آذربایجان؛
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = سرمایه‌گذاری دست‌کم { $investment } منات؛
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = ملک یا سپرده بانکی به ارزش دست‌کم { $deposit } منات؛
permits-ground-specialist = کار به‌عنوان متخصص با مهارت بالا.
permits-when-title = چه زمانی درخواست دهید
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    دست‌کم { $apply-days ->
        [one] { $apply-days } روز
       *[other] { $apply-days } روز
    } پیش از پایان مدت حضور یا اقامت فعلی خود درخواست دهید.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    برای اجازه اقامت دائم، دست‌کم { $perm-months ->
        [one] { $perm-months } ماه
       *[other] { $perm-months } ماه
    } پیش از پایان اعتبار اجازه موقت خود درخواست دهید. این اجازه برای { $perm-years ->
        [one] { $perm-years } سال
       *[other] { $perm-years } سال
    } صادر می‌شود و قابل تمدید است.
permits-work-title = اجازه کار
permits-work-employer = درخواست اجازه کار را کارفرمای شما می‌دهد، نه خود شما.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    این اجازه برای { $wp-years ->
        [one] { $wp-years } سال
       *[other] { $wp-years } سال
    } صادر می‌شود، یا اگر قرارداد شما کوتاه‌تر باشد، به اندازه مدت قرارداد.
permits-work-extend = قابل تمدید است، هر بار حداکثر برای یک سال.
permits-work-one-employer = فقط برای یک کارفرما معتبر است.
permits-work-exempt = برخی افراد به اجازه کار نیاز ندارند، برای مثال همسر یک شهروند آذربایجان. از مرکز تماس بپرسید که آیا این مورد شامل شما می‌شود.
permits-checklist-title = پیش از درخواست
permits-check-date = بررسی کنید اجازه یا مدت حضور فعلی شما چه زمانی تمام می‌شود.
permits-check-documents = مطمئن شوید که گذرنامه شما معتبر است.
permits-check-ask = از مرکز تماس بپرسید چه مدارکی برای وضعیت شما لازم است.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = اقامت دائم
permits-bring-title = چه مدارکی همراه بیاورید
permits-bring-form = فرم درخواست تکمیل‌شده؛
permits-bring-passport = گذرنامه و یک رونوشت از آن؛
permits-bring-photos = عکس‌های جدید در اندازه گذرنامه؛
permits-bring-grounds = مدارکی که دلیل درخواست شما را ثابت می‌کند، برای مثال سند ازدواج یا قرارداد کار.
