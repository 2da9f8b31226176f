/// The service's one stylesheet, in the plain, accessible style of UK public services. Served at `/styles.css`.
enum Stylesheet {
    static let css = """
    *,*::before,*::after{box-sizing:border-box}
    body{margin:0;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.32;color:#0b0c0c;background:#fff}
    a{color:#1d70b8}a:visited{color:#4c2c92}a:hover{color:#003078}
    a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
    .skip-link{position:absolute;left:-9999px}.skip-link:focus{left:0;background:#fd0;padding:8px;z-index:10}
    .visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
    .width-container{max-width:1100px;margin:0 auto;padding:0 20px}
    .header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8}
    .header-inner{display:flex;justify-content:space-between;align-items:center;padding-top:10px;padding-bottom:10px;flex-wrap:wrap;gap:10px}
    .header-logo{color:#fff!important;font-weight:700;font-size:30px;text-decoration:none}
    .header-user{display:flex;gap:15px;align-items:center;font-size:16px}
    .header-user .button{margin:0;padding:4px 10px;font-size:16px}
    .service-nav{border-bottom:1px solid #b1b4b6;background:#f3f2f1}
    .service-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:0 25px;margin:0 auto;padding-top:10px;padding-bottom:10px}
    .service-nav li.current a{font-weight:700;text-decoration:none;border-bottom:4px solid #1d70b8}
    .phase-banner{font-size:16px;border-bottom:1px solid #b1b4b6;padding:10px 0;margin:0 0 10px}
    .breadcrumbs ol{list-style:none;padding:0;margin:10px 0;display:flex;flex-wrap:wrap;font-size:16px}
    .breadcrumbs li+li::before{content:"›";margin:0 8px;color:#505a5f}
    main{padding:20px 0 40px;display:block}
    .heading-xl{font-size:48px;margin:0 0 30px}.heading-l{font-size:36px;margin:0 0 20px}
    .heading-m{font-size:24px;margin:30px 0 15px}.heading-s{font-size:19px;margin:20px 0 10px}
    .caption{color:#505a5f;font-size:19px;display:block;margin-bottom:5px}
    .body{margin:0 0 20px}.lead{font-size:24px}.secondary-text{color:#505a5f}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:20px;margin-bottom:20px}
    .card{border:1px solid #b1b4b6;padding:15px;border-top:5px solid #1d70b8}
    .card h2,.card h3{margin-top:0}
    .stat{font-size:36px;font-weight:700;display:block}
    .summary-list{margin:0 0 30px}.summary-row{display:flex;border-bottom:1px solid #b1b4b6;padding:8px 0}
    .summary-row dt{font-weight:700;width:35%;margin:0}.summary-row dd{margin:0;flex:1}
    .table{width:100%;border-collapse:collapse;margin-bottom:30px;font-size:16px}
    .table-caption{text-align:left;font-weight:700;font-size:19px;margin-bottom:10px}
    .table th,.table td{text-align:left;border-bottom:1px solid #b1b4b6;padding:8px 10px 8px 0;vertical-align:top}
    .table .numeric{text-align:right}
    .tag{display:inline-block;padding:2px 8px;font-size:14px;font-weight:700;letter-spacing:.5px;text-transform:uppercase;background:#e8f1f8;color:#0c2d4a}
    .tag-green{background:#cce2d8;color:#005a30}.tag-red{background:#f4cdc6;color:#942514}
    .tag-yellow{background:#fff7bf;color:#594d00}.tag-grey{background:#eeefef;color:#383f43}.tag-blue{background:#bbd4ea;color:#0c2d4a}
    .button{display:inline-block;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;padding:8px 12px;font-size:19px;cursor:pointer;margin:0 0 20px;text-decoration:none;font-family:inherit}
    .button:hover{background:#005a30}.button-secondary{background:#f3f2f1;color:#0b0c0c!important;box-shadow:0 2px 0 #929191}
    .button-secondary:hover{background:#dbdad9}.button-warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
    .inline-form{display:inline}
    .form-group{margin-bottom:25px}.form-group-error{border-left:5px solid #d4351c;padding-left:15px}
    .label,.fieldset-legend{display:block;font-weight:700;margin-bottom:5px}
    .hint{color:#505a5f;margin-bottom:10px}
    .error-message{color:#d4351c;font-weight:700;margin:0 0 10px}
    .input,.select,.textarea{font:inherit;border:2px solid #0b0c0c;padding:5px;width:100%;max-width:30em}
    .input-error{border-color:#d4351c}.input-5{max-width:6em}.input-10{max-width:12em}.input-20{max-width:22em}
    .fieldset{border:0;padding:0;margin:0}
    .checkboxes{columns:2 280px}.checkbox,.radio{margin-bottom:8px;break-inside:avoid}
    .checkbox input,.radio input{width:20px;height:20px;margin-right:8px;vertical-align:middle}
    .error-summary{border:5px solid #d4351c;padding:15px;margin-bottom:30px}
    .error-summary-title{margin-top:0}.error-summary-list a{color:#d4351c;font-weight:700}
    .notification{border:5px solid #00703c;padding:15px;margin-bottom:30px;font-weight:700}
    .pagination{display:flex;gap:20px;align-items:center;margin-bottom:30px}
    .chart{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;align-items:start;margin-bottom:30px}
    .chart svg{width:100%;height:auto;border:1px solid #b1b4b6}
    .chart .table{font-size:14px}
    .inset{border-left:10px solid #b1b4b6;padding:15px;margin-bottom:20px}
    .footer{border-top:1px solid #b1b4b6;background:#f3f2f1;padding:25px 0;font-size:16px}
    .score-bar{background:#eeefef;height:12px;width:120px;display:inline-block;vertical-align:middle}
    .score-bar span{background:#1d70b8;height:12px;display:block}
    .secret{font-family:monospace;font-size:22px;word-break:break-all;background:#f3f2f1;padding:4px 8px}
    @media (max-width:640px){.chart{grid-template-columns:1fr}.summary-row{flex-direction:column}.summary-row dt{width:auto}}
    .printable-page{max-width:900px;margin:0 auto;padding:20px}
    .printable-page .table{font-size:15px}
    @media print{.header,.service-nav,.footer,.phase-banner,.breadcrumbs,.skip-link,.no-print,form{display:none!important}
    body{font-size:11pt;color:#000}a{color:#000;text-decoration:none}.width-container,.printable-page{max-width:none;padding:0}
    .table{font-size:9pt}.table th,.table td{border-bottom:1px solid #000}h1,h2,h3{break-after:avoid}
    .table tr,.summary-row{break-inside:avoid}.tag{border:1px solid #000;background:none}}
    """
}
